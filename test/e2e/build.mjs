// Bundles the end-to-end suite (Mocha included, `vscode` left to the extension host) into
// test/e2e/out/index.js, the module both launchers pass as extensionTestsPath.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('./suite/index.ts')],
  outfile: here('./out/index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // Mocha's parallel mode resolves worker files at run time; the suite runs serially.
  logOverride: { 'require-resolve-not-external': 'silent' },
});

// The web extension's suite, for the web worker extension host: a browser bundle with mocha's browser build.
await build({
  entryPoints: [here('./web/index.ts')],
  outfile: here('./out/web/index.js'),
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
});
