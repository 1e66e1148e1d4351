// Bundles the extension and the CLI with esbuild, minified, in two bundles, so that the VSIX carries the core once:
//   server/out/cli.js        the CLI, and the language server: `shapelint lsp` under Node (the extension starts it so),
//                            and, loaded as a web worker, the web extension's server
//   client/out/extension.js  the extension, for VS Code's Node extension host (main) and its web worker host (browser)
//   action/main.js           the GitHub Action (action.yml): `shapelint check` with the action's inputs; committed, so
//                            that the action runs at any ref without a download (docs/ci.md); CI fails when it is stale
// Each bundle holds both paths; a module is evaluated only when its path first imports it (esbuild's lazy
// wrappers for dynamic imports), so a web worker never evaluates the Node-only code.
// `node build.mjs --package` then writes the VSIX (@vscode/vsce) and the CLI's npm tarball into dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

// mainFields: prefer ESM entry points; jsonc-parser's UMD main requires its files at run time, which a bundle cannot serve.
const common = { bundle: true, minify: true, sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'], define: { SHAPELINT_VERSION: JSON.stringify(manifest.version) } };
// target es2022 and node20: the oldest web worker host and Node the bundles run in (VS Code 1.100, the CLI's engines.node).
// conditions: the 'browser' exports of vscode-languageserver/-client (their './browser' paths). yaml: its browser
// build, which runs under Node as well; its Node build requires 'process' and 'buffer', which a web worker has not.
const node = {
  ...common,
  platform: 'node',
  target: ['node20', 'es2022'],
  format: 'cjs',
  conditions: ['browser'],
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

await Promise.all([
  build({ ...node, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...node, entryPoints: ['client/src/main.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  // No source map: the committed file stays one file, and the same on every machine.
  build({ ...node, sourcemap: false, entryPoints: ['action/src/main.ts'], outfile: 'action/main.js' }),
]);

if (process.argv.includes('--package')) {
  rmSync('dist', { recursive: true, force: true });
  mkdirSync('dist/npm', { recursive: true });
  const vsix = `dist/shapelint-${manifest.version}.vsix`;
  // Every dependency is bundled: the VSIX carries no node_modules.
  execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--out', vsix], { stdio: 'inherit' });
  console.log(`${vsix}: ${(statSync(vsix).size / 1024).toFixed(0)} KB`);
  console.log(`${packCli()}`);
}

/**
 * The CLI's npm package: the CLI bundle, README, LICENSE and CHANGELOG under a package.json made
 * from this one (same name, version and metadata, so the versions come from one place), packed
 * with `npm pack`. A separate folder, because npm always packs the manifest's `main` and `browser`.
 */
function packCli() {
  const { name, version, license, repository, bugs, homepage, keywords, engines } = manifest;
  // The manifest's description is a %key% of package.nls.json, for VS Code.
  const { description } = JSON.parse(readFileSync('package.nls.json', 'utf8'));
  const cliManifest = { name, version, description, license, repository, bugs, homepage, keywords, engines: { node: engines.node }, bin: { shapelint: 'cli.js' }, files: ['cli.js', 'CHANGELOG.md'] };
  writeFileSync('dist/npm/package.json', `${JSON.stringify(cliManifest, null, 2)}\n`);
  copyFileSync('server/out/cli.js', 'dist/npm/cli.js');
  for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md']) copyFileSync(file, `dist/npm/${file}`);
  const tarball = execFileSync('npm', ['pack', '--pack-destination', '..'], { cwd: 'dist/npm', encoding: 'utf8' }).trim().split('\n').pop();
  return `dist/${tarball}: ${(statSync(`dist/${tarball}`).size / 1024).toFixed(0)} KB`;
}
