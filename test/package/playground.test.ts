/**
 * `npm run build:playground`: the static site, as a host would serve it (the page itself is driven
 * in Chromium by test/e2e/playground/).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
/** Its own folder: the package test's `npm run package` empties dist/ meanwhile. */
const SITE = mkdtempSync(join(tmpdir(), 'shapelint-playground-'));
/** The budget for the whole site. */
const MAX_SITE_BYTES = 6 * 1024 * 1024;

suite('the playground site (npm run build:playground)', () => {
  before(() => {
    execFileSync(process.execPath, [join(ROOT, 'playground', 'build.mjs'), '--out', SITE], { cwd: ROOT, stdio: 'ignore' });
  });

  after(() => rmSync(SITE, { recursive: true, force: true }));

  test('is index.html and its assets, within 6 MiB', () => {
    const files = readdirSync(SITE).sort();
    assert.deepEqual(files, ['icon.png', 'index.html', 'playground.css', 'playground.js', 'report.css', 'report.js', 'server.js']);
    const total = files.reduce((sum, file) => sum + statSync(join(SITE, file)).size, 0);
    assert.ok(total <= MAX_SITE_BYTES, `${total} bytes`);
  });

  test('its Content-Security-Policy allows nothing from another origin, and the page names only its own files', () => {
    const html = readFileSync(join(SITE, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('connect-src'), ["'none'"]);
    for (const [name, sources] of directives) assert.ok(sources.every((source) => ["'none'", "'self'", "'unsafe-inline'", 'data:'].includes(source)), `${name} ${sources.join(' ')}`);
    assert.deepEqual(
      [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]).filter((url) => !existsSync(join(SITE, url))),
      [],
    );
  });

  test('carries the examples of examples/examples.json whose files exist, and the language server for its worker', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'examples', 'examples.json'), 'utf8')) as { examples: { path: string }[] };
    const page = readFileSync(join(SITE, 'playground.js'), 'utf8');
    for (const { path } of manifest.examples) {
      assert.equal(page.includes(JSON.stringify(path)), existsSync(join(ROOT, 'examples', path)), path);
    }
    // The server the web extension runs: it answers the shape report request.
    assert.ok(readFileSync(join(SITE, 'server.js'), 'utf8').includes('shapelint/report'));
  });
});
