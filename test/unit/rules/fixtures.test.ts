/**
 * Fixture files with their expectations inline, in the manner of markdownlint's test
 * scenarios: every file in test/fixtures/rules/ is checked, and the rule ids reported on each
 * line must be exactly the ones its markers name.
 *   `n_head = 32  # expect: head-dim`              this line (YAML, shell, Python)
 *   `# expect-next-line: head-dim, vocab-size`     the next line (where a comment cannot follow, as after a shell `\`)
 * JSON has no comments: `config.json.expect` beside it holds `<line> <rule-id>[, <rule-id>]` lines (1-based).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../../server/src/core/check';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'rules');
const SIDECAR = '.expect';

type Expectations = Map<number, string[]>;

function add(expectations: Expectations, line: number, ids: string): void {
  const list = expectations.get(line) ?? [];
  list.push(...ids.split(',').map((id) => id.trim()).filter(Boolean));
  expectations.set(line, [...new Set(list)].sort());
}

function inlineMarkers(text: string): Expectations {
  const expectations: Expectations = new Map();
  text.split(/\r?\n/).forEach((line, index) => {
    const marker = /#\s*expect(-next-line)?:\s*([a-z0-9, -]+)$/.exec(line);
    if (marker) add(expectations, index + (marker[1] ? 1 : 0), marker[2]);
  });
  return expectations;
}

function sidecarMarkers(sidecar: string): Expectations {
  const expectations: Expectations = new Map();
  for (const line of sidecar.split(/\r?\n/)) {
    const marker = /^(\d+)\s+([a-z0-9, -]+)$/.exec(line.trim());
    if (marker) add(expectations, Number(marker[1]) - 1, marker[2]);
  }
  return expectations;
}

function reported(text: string, fileName: string): { format: string | null; lines: Expectations } {
  const result = check(text, fileName);
  const document = TextDocument.create(fileName, 'plaintext', 0, text);
  const lines: Expectations = new Map();
  for (const finding of result.findings) add(lines, document.positionAt(finding.span.offset).line, finding.ruleId);
  return { format: result.reader?.id ?? null, lines };
}

const names = new Set(readdirSync(FIXTURES));
const files = [...names].filter((name) => !name.endsWith(SIDECAR)).sort();

suite('rule fixtures with inline expectations', () => {
  test('there are fixtures', () => assert.ok(files.length > 0));
  for (const name of files) {
    test(name, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const sidecar = names.has(name + SIDECAR) ? readFileSync(join(FIXTURES, name + SIDECAR), 'utf8') : null;
      const expected = sidecar === null ? inlineMarkers(text) : sidecarMarkers(sidecar);
      const actual = reported(text, join(FIXTURES, name));
      assert.notEqual(actual.format, null, `${name} is recognised as a config`);
      const show = (map: Expectations) => Object.fromEntries([...map].sort(([a], [b]) => a - b).map(([line, ids]) => [line + 1, ids.join(', ')]));
      assert.deepEqual(show(actual.lines), show(expected));
    });
  }
});
