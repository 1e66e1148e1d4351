/**
 * The editor pane: CodeMirror 6 with colouring for the five kinds of file shapelint reads
 * (JSON, YAML, shell, Python, TOML), the server's diagnostics as squiggles with their quick fixes,
 * and the server's hover. LSP positions (line, UTF-16 character) become CodeMirror offsets
 * (UTF-16 as well) here.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting, type LanguageSupport } from '@codemirror/language';
import { python } from '@codemirror/legacy-modes/mode/python';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { toml } from '@codemirror/legacy-modes/mode/toml';
import { lintGutter, setDiagnostics, type Action, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { Compartment, EditorSelection, type Extension, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import type { Diagnostic, DiagnosticSeverity, Position, Range, TextEdit } from 'vscode-languageserver-protocol';

const LANGUAGES: Record<string, () => LanguageSupport | StreamLanguage<unknown>> = {
  json: json,
  yaml: yaml,
  yml: yaml,
  sh: () => StreamLanguage.define(shell),
  bash: () => StreamLanguage.define(shell),
  py: () => StreamLanguage.define(python),
  toml: () => StreamLanguage.define(toml),
};

/** The colouring for a file name, by its extension; none for other names. */
function languageFor(fileName: string): Extension {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return LANGUAGES[extension]?.() ?? [];
}

const SEVERITIES: Record<DiagnosticSeverity, EditorDiagnostic['severity']> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export interface EditorCallbacks {
  /** The text changed (typing, a fix, a loaded example). */
  changed(text: string): void;
  /** The hover at a position, as the server's markdown rendered to HTML; null for none. */
  hover(position: Position): Promise<string | null>;
}

/** A diagnostic with the quick fixes to offer on it: a title and the edits each applies. */
export interface FixableDiagnostic {
  diagnostic: Diagnostic;
  fixes: { title: string; edits: TextEdit[] }[];
}

export class PlaygroundEditor {
  readonly view: EditorView;
  private readonly language = new Compartment();
  /** Set while `load` replaces the text: a loaded file is opened as such, not sent as a change. */
  private loading = false;

  constructor(parent: HTMLElement, callbacks: EditorCallbacks) {
    this.view = new EditorView({
      parent,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        this.language.of([]),
        lintGutter(),
        hoverTooltip(async (view, offset) => {
          const html = await callbacks.hover(positionOf(view.state.doc, offset));
          if (!html) return null;
          return {
            pos: offset,
            create: () => {
              const dom = document.createElement('div');
              dom.className = 'hover';
              // Markdown rendered with raw HTML escaped (markdown.ts).
              dom.innerHTML = html;
              return { dom };
            },
          };
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !this.loading) callbacks.changed(update.state.doc.toString());
        }),
      ],
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole text and sets the colouring for `fileName`. */
  load(fileName: string, text: string): void {
    this.loading = true;
    try {
      this.view.dispatch({
        changes: { from: 0, to: this.view.state.doc.length, insert: text },
        effects: this.language.reconfigure(languageFor(fileName)),
      });
    } finally {
      this.loading = false;
    }
  }

  setFileName(fileName: string): void {
    this.view.dispatch({ effects: this.language.reconfigure(languageFor(fileName)) });
  }

  /** Shows the server's diagnostics; each quick fix applies its edits. */
  showDiagnostics(items: readonly FixableDiagnostic[]): void {
    const doc = this.view.state.doc;
    const diagnostics = items.map(({ diagnostic, fixes }): EditorDiagnostic => {
      const { from, to } = this.offsets(diagnostic.range);
      const actions: Action[] = fixes.map((fix) => ({ name: fix.title, apply: () => this.applyEdits(fix.edits) }));
      return {
        from,
        to: Math.max(to, Math.min(from + 1, doc.length)),
        severity: SEVERITIES[diagnostic.severity ?? 1],
        source: `${diagnostic.source ?? ''} ${String(diagnostic.code ?? '')}`.trim(),
        message: messageOf(diagnostic),
        actions,
      };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Applies LSP edits (positions in the current text) as one change, one undo step. */
  applyEdits(edits: readonly TextEdit[]): void {
    const changes = edits.map((edit) => ({ ...this.offsets(edit.range), insert: edit.newText }));
    this.view.dispatch({ changes });
  }

  /** Selects a range, scrolls it into view and focuses the editor. */
  reveal(range: Range): void {
    const { from, to } = this.offsets(range);
    this.view.dispatch({ selection: EditorSelection.single(from, to), effects: EditorView.scrollIntoView(from, { y: 'center' }) });
    this.view.focus();
  }

  private offsets(range: Range): { from: number; to: number } {
    const doc = this.view.state.doc;
    return { from: offsetOf(doc, range.start), to: offsetOf(doc, range.end) };
  }
}

function offsetOf(doc: Text, position: Position): number {
  if (position.line >= doc.lines) return doc.length;
  const line = doc.line(position.line + 1);
  return Math.min(line.from + position.character, line.to);
}

function positionOf(doc: Text, offset: number): Position {
  const line = doc.lineAt(offset);
  return { line: line.number - 1, character: offset - line.from };
}

/** A diagnostic's message as text (LSP 3.18 allows markup; this server sends plain text). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
