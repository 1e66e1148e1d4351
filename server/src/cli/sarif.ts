/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rule catalogue in
 * tool.driver.rules (id, short description, help URI, default level), one result per finding
 * with a 1-based region in a file named relative to the working directory.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../core/model/document';
import type { Finding, Severity } from '../core/model/findings';
import { RULES, ruleDocsUrl } from '../core/rules';

export interface SarifFile {
  /** Relative to the working directory, with forward slashes. */
  path: string;
  text: string;
  findings: readonly Finding[];
}

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/shapelint/shapelint';

export function toSarif(files: readonly SarifFile[], version: string): object {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = files.flatMap((file) => {
    const document = TextDocument.create(file.path, 'plaintext', 0, file.text);
    const uri = relativeUri(file.path);
    const location = (span: Span) => ({ physicalLocation: { artifactLocation: { uri }, region: region(document, span) } });
    return file.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [location(finding.span)],
      ...(finding.related.length > 0 ? { relatedLocations: finding.related.map((related, id) => ({ id, ...location(related.span), message: { text: related.message } })) } : {}),
      ...(finding.fixes.length > 0
        ? {
            fixes: finding.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [
                {
                  artifactLocation: { uri },
                  replacements: fix.edits.map((edit) => ({ deletedRegion: region(document, edit), insertedContent: { text: edit.newText } })),
                },
              ],
            })),
          }
        : {}),
    }));
  });
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shapelint',
            version,
            informationUri: INFORMATION_URI,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
            })),
          },
        },
        results,
      },
    ],
  };
}

/**
 * A relative path as a URI reference: each segment percent-encoded, so a `#` or `?` in a file
 * name is part of the path and not a fragment or a query (encodeURI leaves both, and `%`, `[`...).
 */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** SARIF regions are 1-based; endColumn is the column just after the region. */
function region(document: TextDocument, span: Span) {
  const start = document.positionAt(span.offset);
  const end = document.positionAt(span.offset + span.length);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
