// `npm run build:playground`: the playground as a static site in dist/playground/, for any static host.
//   index.html, playground.css   the page (playground/)
//   playground.js                the page's code: CodeMirror, the LSP client, the findings list (playground/src/main.ts)
//   server.js                    the language server in a web worker: server/src/browser-server.ts, the web extension's server
//   report.css, report.js, icon.png   the shape report's style and script, as the extension's webview uses them (media/)
// The examples come from examples/examples.json (an entry whose file is missing is left out), the GPU and format
// lists from package.json's settings, so the page offers what the extension offers.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --out: another folder (the package test builds into its own, as `npm run package` empties dist/).
const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(args.out ?? join(root, 'dist', 'playground'));
/** The issue's budget for the whole site. */
const MAX_SITE_BYTES = 6 * 1024 * 1024;

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const settings = manifest.contributes.configuration.properties;
const gpuSetting = settings['shapelint.gpu'];
const gpus = gpuSetting.enum.map((id, index) => ({ id, name: gpuSetting.enumDescriptions[index] }));
const formats = settings['shapelint.associations'].additionalProperties.enum;

const examplesManifest = JSON.parse(readFileSync(join(root, 'examples', 'examples.json'), 'utf8'));
const examples = examplesManifest.examples
  .filter((example) => existsSync(join(root, 'examples', example.path)))
  .map((example) => ({
    title: example.title,
    // Its path under examples/: the folder says what the name alone may not (config.json, pretrain.py).
    fileName: example.path,
    text: readFileSync(join(root, 'examples', example.path), 'utf8'),
  }));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// target es2022: the browsers the web extension supports; no source maps, to stay well inside the size budget.
const browser = { bundle: true, minify: true, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'warning', legalComments: 'none' };
await Promise.all([
  build({
    ...browser,
    entryPoints: [join(root, 'playground', 'src', 'main.ts')],
    outfile: join(out, 'playground.js'),
    define: {
      PLAYGROUND_EXAMPLES: JSON.stringify(examples),
      PLAYGROUND_GPUS: JSON.stringify(gpus),
      PLAYGROUND_DEFAULT_GPU: JSON.stringify(gpuSetting.default),
      PLAYGROUND_FORMATS: JSON.stringify(formats),
    },
  }),
  // As build.mjs builds the web extension's server: the 'browser' exports of vscode-languageserver, yaml's browser build.
  build({
    ...browser,
    entryPoints: [join(root, 'server', 'src', 'browser-server.ts')],
    outfile: join(out, 'server.js'),
    mainFields: ['module', 'main'],
    conditions: ['browser'],
    alias: { yaml: join(root, 'node_modules', 'yaml', 'browser', 'index.js') },
    define: { SHAPELINT_VERSION: JSON.stringify(manifest.version) },
  }),
]);

for (const file of ['index.html', 'playground.css']) copyFileSync(join(root, 'playground', file), join(out, file));
for (const file of ['report.css', 'report.js', 'icon.png']) copyFileSync(join(root, 'media', file), join(out, file));

const sizes = readdirSync(out).map((file) => [file, statSync(join(out, file)).size]);
const total = sizes.reduce((sum, [, size]) => sum + size, 0);
console.log(`${out}: ${sizes.map(([file, size]) => `${file} ${(size / 1024).toFixed(0)} KB`).join(', ')}; ${(total / 1024 / 1024).toFixed(2)} MiB in all`);
console.log(`examples: ${examples.map((example) => example.fileName).join(', ')}`);
if (total > MAX_SITE_BYTES) {
  console.error(`${out} is ${total} bytes, over the ${MAX_SITE_BYTES}-byte budget`);
  process.exit(1);
}
