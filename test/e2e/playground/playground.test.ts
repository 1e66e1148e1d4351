// The playground page (`npm run build:playground`) in Debian's Chromium, served from 127.0.0.1 by a
// plain static server as any static host would: a shared link lists the findings, a quick fix
// applied through the page removes one, the report shows predictions, the search's Apply edits the
// file, and nothing is requested from anywhere but the page's own origin. Writes
// media/screenshot-playground.png for the README.
// Run: node --import tsx --test test/e2e/playground/playground.test.ts (needs /usr/bin/chromium).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { encodeState } from '../../../playground/src/state';

const repoRoot = resolve(__dirname, '../../..');
const site = join(repoRoot, 'dist', 'playground');
const chromiumPath = process.env.SHAPELINT_CHROMIUM ?? '/usr/bin/chromium';
/** The budget for the whole site. */
const MAX_SITE_BYTES = 6 * 1024 * 1024;
/** Generous: the machine running this may be loaded. */
const TIMEOUT_MS = 60_000;
const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

const gpt3 = readFileSync(join(repoRoot, 'examples', 'gpt3-2.7b', 'config.json'), 'utf8');
/** The paper's fix of GPT-3 2.7B: 20 heads of 128 and the vocabulary padded to 50304. */
const gpt3Fixed = gpt3.replace('"n_head": 32', '"n_head": 20').replace('"vocab_size": 50257', '"vocab_size": 50304');

let server: Server;
let origin: string;
let browser: Browser;
/** Every URL any page asked for, and every console error. */
const requested: string[] = [];
const consoleErrors: string[] = [];

before(async () => {
  execFileSync(process.execPath, [join(repoRoot, 'playground', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = join(site, path === '/' ? 'index.html' : path);
    if (!file.startsWith(site) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage(fragment: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${origin}/${fragment}`);
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

/** What the functions run in the page use (this project's tsconfig has no DOM lib). */
interface PageGlobals {
  location: { hash: string };
  document: { querySelector(selector: string): { innerText: string } | null };
}

const finding = (page: Page, ruleId: string) => page.locator(`#findings li[data-rule="${ruleId}"]`);
/** Until the findings list shows the server's answer for the current text (it is busy while a check is on its way). */
const checked = (page: Page) => page.locator('#findings[aria-busy="false"]').waitFor();

test('the built site is within 6 MiB', () => {
  const total = readdirSync(site).reduce((sum, file) => sum + statSync(join(site, file)).size, 0);
  console.log(`dist/playground: ${total} bytes (${(total / 1024 / 1024).toFixed(2)} MiB)`);
  assert.ok(total <= MAX_SITE_BYTES, `${total} bytes`);
});

test('a link with GPT-3 2.7B lists head-dim and vocab-size; the vocab quick fix removes vocab-size; hover, report and search work', async () => {
  const page = await openPage(encodeState({ fileName: 'gpt3-2.7b/config.json', text: gpt3, gpu: 'a100-sxm4-40gb', format: '', launch: {} }));
  await finding(page, 'head-dim').waitFor();
  await finding(page, 'vocab-size').waitFor();
  await page.locator('#report', { hasText: 'TFLOP/s' }).waitFor();
  assert.match(await page.locator('#report .headline', { hasText: 'TFLOP/s per layer' }).innerText(), /≈ [\d.,]+ TFLOP\/s per layer/);
  assert.match(await page.locator('#report').innerText(), /A100/);

  // The hover on n_head: the language server's markdown, with the GEMMs the head count feeds.
  await page.locator('.cm-line', { hasText: '"n_head"' }).locator('text=32').hover();
  const hover = page.locator('.cm-tooltip .hover');
  await hover.waitFor();
  assert.match(await hover.innerText(), /TFLOP\/s/);
  await page.screenshot({ path: join(repoRoot, 'media', 'screenshot-playground.png') });
  await page.mouse.move(0, 0);

  // Clicking a finding selects its range in the editor.
  await finding(page, 'head-dim').locator('.message').click();
  assert.equal(await page.evaluate('getSelection().toString()'), '32');

  await finding(page, 'vocab-size').locator('button.fix', { hasText: '50304' }).click();
  await finding(page, 'vocab-size').waitFor({ state: 'detached' });
  await finding(page, 'head-dim').waitFor();
  assert.match(await page.locator('.cm-content').innerText(), /"vocab_size": 50304/);
  // The fragment follows the text, so the link shared now shows the fixed file.
  await page.waitForFunction(() => {
    const params = new URLSearchParams((globalThis as unknown as PageGlobals).location.hash.slice(1));
    return atob((params.get('text') ?? '').replace(/-/g, '+').replace(/_/g, '/')).includes('"vocab_size": 50304');
  });

  // The search ranks shapes near this one; Apply edits the file into the first candidate.
  await page.locator('#search').click();
  const apply = page.locator('#report button[data-apply="0"]');
  await apply.waitFor();
  assert.match(await page.locator('#report #search').innerText(), /tokens\/s/);
  const before = await page.locator('.cm-content').innerText();
  await apply.click();
  await page.waitForFunction((text) => (globalThis as unknown as PageGlobals).document.querySelector('.cm-content')?.innerText !== text, before);
  await page.close();
});

test('with 20 heads and vocab 50304 neither head-dim nor vocab-size is listed', async () => {
  const page = await openPage(encodeState({ fileName: 'config.json', text: gpt3Fixed, gpu: 'a100-sxm4-40gb', format: '', launch: { mb: 4, seq: 2048 } }));
  await page.locator('#report', { hasText: 'TFLOP/s' }).waitFor();
  await checked(page);
  assert.equal(await finding(page, 'head-dim').count(), 0);
  assert.equal(await finding(page, 'vocab-size').count(), 0);
  await page.close();
});

test('markup in the file stays text: in the findings and in the hover', async () => {
  const markup = '<img src=x onerror=alert(1)>';
  const page = await openPage(encodeState({ fileName: 'config.json', text: gpt3.replace('"n_head": 32', `"n_head": "${markup}"`), gpu: '', format: '', launch: {} }));
  await finding(page, 'invalid-value').waitFor();
  assert.ok((await finding(page, 'invalid-value').innerText()).includes(markup));
  await page.locator('.cm-line', { hasText: '"n_head"' }).locator('text=onerror').hover();
  const hover = page.locator('.cm-tooltip .hover');
  await hover.waitFor();
  assert.ok((await hover.innerText()).includes(markup), await hover.innerText());
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await page.close();
});

test('an example from the picker; the file name decides the format, the format picker overrides it, the launch fields apply', async () => {
  const page = await openPage('');
  await page.locator('#example').selectOption({ label: 'GPT-3 2.7B, Megatron-LM launch script' });
  await finding(page, 'head-dim').waitFor();
  assert.equal(await page.locator('#file-name').inputValue(), 'megatron/pretrain_gpt3_2.7b.sh');
  assert.match(await page.locator('#report .meta').first().innerText(), /Megatron/);

  await page.locator('#example').selectOption({ label: 'GPT-3 2.7B, Hugging Face config.json' });
  await finding(page, 'vocab-size').waitFor();
  // Named notes.txt, the text is no config shapelint recognises; forced to hf, it is one again.
  await page.locator('#file-name').fill('notes.txt');
  await page.locator('#file-name').press('Enter');
  await page.locator('#findings li.none', { hasText: 'not a model config' }).waitFor();
  assert.equal(await page.locator('#findings li[data-rule]').count(), 0);
  await page.locator('#format').selectOption('hf');
  await finding(page, 'vocab-size').waitFor();
  await finding(page, 'head-dim').waitFor();

  // Fix-all applies safe fixes only, and an HF config has none: padding its vocabulary is offered
  // (the quick fix above), never safe, as the checkpoint's embedding would no longer match.
  assert.ok(await page.locator('#fix-all').isDisabled());
  await finding(page, 'vocab-size').waitFor();

  // A launch field reaches the server as its setting: 2560 does not split over 3 tensor-parallel GPUs.
  await page.locator('#launch-tp').fill('3');
  await page.locator('#launch-tp').press('Enter');
  await finding(page, 'tensor-parallel').first().waitFor();
  assert.match(await page.evaluate('location.hash'), /&format=hf&tp=3$/);
  await page.close();
});

test('no request leaves the page origin, and nothing failed in the page', () => {
  assert.ok(requested.length > 0);
  assert.deepEqual(
    requested.filter((url) => !url.startsWith(`${origin}/`)),
    [],
  );
  assert.deepEqual(consoleErrors, []);
});
