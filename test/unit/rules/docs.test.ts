import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { RULES, ruleDocsUrl } from '../../../server/src/core/rules';

const DOCS = join(__dirname, '..', '..', '..', 'docs', 'rules');
const pages = readdirSync(DOCS).filter((name) => name.endsWith('.md') && name !== 'README.md');

suite('rule docs', () => {
  test('every registered rule has a page, and every page a rule', () => {
    assert.deepEqual(pages.map((name) => name.replace(/\.md$/, '')).sort(), RULES.map((rule) => rule.id).sort());
  });

  test('each page is titled with its id and default severity, and says what, why and how to fix', () => {
    for (const rule of RULES) {
      const page = readFileSync(join(DOCS, `${rule.id}.md`), 'utf8');
      assert.ok(page.startsWith(`# \`${rule.id}\` (${rule.defaultSeverity}`), rule.id);
      for (const section of ['## What it checks', '## Why', '## How to fix', '## Example']) assert.ok(page.includes(section), `${rule.id}: ${section}`);
    }
  });

  test('the index links every rule', () => {
    const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
    for (const rule of RULES) assert.ok(index.includes(`](${rule.id}.md)`), rule.id);
  });

  test('ids are unique kebab-case and the docs URL points at the page', () => {
    const ids = RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z]+(-[a-z]+)*$/);
      assert.equal(ruleDocsUrl(id), `https://github.com/shapelint/shapelint/blob/main/docs/rules/${id}.md`);
    }
  });
});
