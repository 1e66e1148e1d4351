/**
 * `shapelint check --format github`: GitHub Actions workflow commands, one annotation per finding
 * (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), so that a plain
 * Actions run annotates the diff without code scanning. Escaping follows @actions/core
 * (toolkit/packages/core/src/command.ts): `%`, CR and LF in the message; also `:` and `,` in properties.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../core/model/findings';

export interface AnnotatedFile {
  /** Relative to the working directory (the repository root in Actions), with forward slashes. */
  path: string;
  text: string;
  findings: readonly Finding[];
}

const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function toGithubAnnotations(files: readonly AnnotatedFile[]): string {
  return files
    .flatMap(({ path, text, findings }) => {
      const document = TextDocument.create(path, 'plaintext', 0, text);
      return findings.map((finding) => {
        const start = document.positionAt(finding.span.offset);
        const end = document.positionAt(finding.span.offset + finding.span.length);
        // 1-based, as SARIF regions: endColumn is the column just after the span.
        const properties = [
          ['file', path],
          ['line', start.line + 1],
          ['col', start.character + 1],
          ['endLine', end.line + 1],
          ['endColumn', end.character + 1],
          ['title', `shapelint ${finding.ruleId}`],
        ].map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
        return `::${COMMANDS[finding.severity]} ${properties.join(',')}::${escapeData(`${finding.message} [${finding.ruleId}]`)}\n`;
      });
    })
    .join('');
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
