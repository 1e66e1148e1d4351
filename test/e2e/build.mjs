// Bundles the end-to-end suites (Mocha included, `vscode` left to the extension host):
// test/e2e/out/index.js, the module both launchers pass as extensionTestsPath (Node extension
// host), and test/e2e/out/web/index.js, the web suite for the web worker extension host.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const common = { bundle: true, format: 'cjs', sourcemap: 'inline', external: ['vscode'], logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: [here('./suite/index.ts')],
    outfile: here('./out/index.js'),
    platform: 'node',
    target: 'node20',
    // Mocha's parallel mode resolves worker files at run time; the suite runs serially.
    logOverride: { 'require-resolve-not-external': 'silent' },
  }),
  // A browser bundle with mocha's browser build.
  build({ ...common, entryPoints: [here('./web/index.ts')], outfile: here('./out/web/index.js'), platform: 'browser', target: 'es2022' }),
]);
