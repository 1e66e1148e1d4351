/** The README's tables stay complete: every rule (linked to its page) and every setting of the manifest. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../../server/src/core/rules';

const ROOT = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('README: a row per rule linking its page, with its default severity', () => {
  for (const rule of RULES) {
    const page = `docs/rules/${rule.id}.md`;
    assert.ok(existsSync(join(ROOT, page)), page);
    assert.ok(readme.includes(`| [${rule.id}](${page}) | ${rule.defaultSeverity} |`), `README row for ${rule.id}`);
  }
});

test('README: a row per setting the extension contributes', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const settings = Object.keys(manifest.contributes.configuration.properties);
  assert.ok(settings.length >= 10);
  for (const setting of settings) assert.ok(readme.includes(`| \`${setting}\` |`), `README row for ${setting}`);
});
