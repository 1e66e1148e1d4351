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
import { rankFixes } from '../core/features/fixes';
import type { Span } from '../core/pipeline/document';
import type { Finding, Severity, TextEdit as OffsetEdit } from '../core/pipeline/findings';
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
  /** The document version the edits were computed for; fixes for another version are not offered. */
  version: number;
  fixes: FixData[];
}

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) };
}

export function toTextEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  return { range: toRange(document, edit), newText: edit.newText };
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    version: document.version,
    fixes: rankFixes(finding.fixes).map((fix) => ({
      title: fix.title,
      isPreferred: fix.isPreferred,
      safe: fix.safe,
      edits: fix.edits.map((edit) => toTextEdit(document, edit)),
    })),
  };
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

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<DiagnosticData>;
  return typeof data.version === 'number' && Array.isArray(data.fixes);
}

export function isShapelintDiagnostic(diagnostic: Diagnostic): boolean {
  return diagnostic.source === SOURCE && typeof diagnostic.code === 'string';
}

/** The diagnostic's fixes, when its data was computed for this version of the document. */
export function fixDataOf(document: TextDocument, diagnostic: Diagnostic): FixData[] | undefined {
  return isDiagnosticData(diagnostic.data) && diagnostic.data.version === document.version ? diagnostic.data.fixes : undefined;
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
