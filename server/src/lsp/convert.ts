/** Offsets become positions here, at the edge, and core findings become LSP objects. */
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rankFixes } from '../core/rules/fixes';
import type { Span } from '../core/model/document';
import type { Finding, Severity, TextEdit as OffsetEdit } from '../core/model/findings';
import { ruleDocsUrl } from '../core/rules';

export const SOURCE = 'shapelint';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A fix as carried in a diagnostic's `data`: enough to build its code action without re-checking. */
export interface FixData {
  title: string;
  isPreferred: boolean;
  safe: boolean;
  edits: TextEdit[];
}

export interface DiagnosticData {
  /**
   * A hash of the exact text the edits were computed for: a client may send two versions with the
   * same number, so fixes are offered only when the current text hashes the same.
   */
  textHash: string;
  fixes: FixData[];
}

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) };
}

export function toTextEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  return { range: toRange(document, edit), newText: edit.newText };
}

/** A finding's fixes, best first, with their edits as LSP ranges. */
export function fixDataFor(document: TextDocument, finding: Finding): FixData[] {
  return rankFixes(finding.fixes).map((fix) => ({
    title: fix.title,
    isPreferred: fix.isPreferred,
    safe: fix.safe,
    edits: fix.edits.map((edit) => toTextEdit(document, edit)),
  }));
}

export function toDiagnostic(document: TextDocument, finding: Finding, hashOfText: string): Diagnostic {
  const data: DiagnosticData = { textHash: hashOfText, fixes: fixDataFor(document, finding) };
  return {
    range: toRange(document, finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    relatedInformation: finding.related.map((related) => ({
      location: { uri: document.uri, range: toRange(document, related.span) },
      message: related.message,
    })),
    data,
  };
}

function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<DiagnosticData>;
  return typeof data.textHash === 'string' && Array.isArray(data.fixes);
}

/** cyrb53 (a public-domain 53-bit string hash) with the length: cheap, and collisions need crafted text. */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

export function isShapelintDiagnostic(diagnostic: Diagnostic): boolean {
  return diagnostic.source === SOURCE && typeof diagnostic.code === 'string';
}

/** The diagnostic's fixes, when its data was computed for the document's current text. */
export function fixDataOf(diagnostic: Diagnostic, currentTextHash: string): FixData[] | undefined {
  return isDiagnosticData(diagnostic.data) && diagnostic.data.textHash === currentTextHash ? diagnostic.data.fixes : undefined;
}

/** One quick fix per fix, in the order given (the ranking made when the diagnostic was built). */
export function quickFixes(document: TextDocument, diagnostic: Diagnostic, fixes: readonly FixData[]): CodeAction[] {
  return fixes.map((fix) => {
    const action = CodeAction.create(fix.title, workspaceEdit(document, fix.edits), CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.isPreferred;
    return action;
  });
}

export function workspaceEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [document.uri]: edits } };
}
