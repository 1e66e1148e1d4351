/**
 * The shipped artifacts, as a user gets them: `npm run package` (node build.mjs --package) writes
 * the VSIX and the CLI's npm tarball; the tarball runs through `npx` from a clean folder.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const VSIX = join(ROOT, 'dist', `shapelint-${version}.vsix`);
const TARBALL = join(ROOT, 'dist', `shapelint-${version}.tgz`);
/** The goal for the VSIX. */
const MAX_VSIX_BYTES = 400 * 1024;

function listZip(path: string): string[] {
  // The VSIX is a zip; Python's zipfile lists it without another dependency.
  return execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', path], { encoding: 'utf8' }).trim().split('\n');
}

suite('packaged artifacts (npm run package)', () => {
  let scratch: string;

  before(() => {
    execFileSync(process.execPath, ['build.mjs', '--package'], { cwd: ROOT, stdio: 'ignore' });
    scratch = mkdtempSync(join(tmpdir(), 'shapelint-package-'));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('the VSIX holds the two bundles and the manifest assets, no sources, maps or node_modules, within 400 KB', () => {
    const files = listZip(VSIX).filter((name) => name.startsWith('extension/'));
    for (const required of ['client/out/extension.js', 'server/out/cli.js', 'package.json', 'package.nls.json', 'media/icon.png', 'media/report.css', 'media/report.js']) {
      assert.ok(files.includes(`extension/${required}`), `${required} is packaged`);
    }
    assert.deepEqual(files.filter((name) => /\.(ts|map)$|node_modules\/|\/src\/|\/test\//.test(name)), []);
    assert.ok(statSync(VSIX).size <= MAX_VSIX_BYTES, `${statSync(VSIX).size} bytes`);
  });

  test('the npm tarball carries only the CLI bundle, README, LICENSE and CHANGELOG, at the extension version', () => {
    const files = execFileSync('tar', ['tzf', TARBALL], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(files, ['package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/cli.js', 'package/package.json']);
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', TARBALL, 'package/package.json'], { encoding: 'utf8' }));
    assert.equal(manifest.version, version);
    assert.deepEqual(manifest.bin, { shapelint: 'cli.js' });
    assert.equal(manifest.dependencies, undefined, 'everything is bundled');
  });

  test('npx shapelint check . works from a clean folder against the tarball, offline', () => {
    const project = join(scratch, 'project');
    mkdirSync(project);
    copyFileSync(join(ROOT, 'examples', 'gpt3-2.7b', 'config.json'), join(project, 'config.json'));
    const npx = (...args: string[]) =>
      spawnSync('npm', ['exec', '--offline', '--yes', `--package=${TARBALL}`, '--', 'shapelint', ...args], {
        cwd: project,
        encoding: 'utf8',
        // Its own npm cache: nothing from this machine's cache or the repository's node_modules helps.
        env: { ...process.env, npm_config_cache: join(scratch, 'npm-cache') },
      });
    const versionRun = npx('--version');
    assert.equal(versionRun.stdout.trim(), version, versionRun.stderr);
    const check = npx('check', '.');
    assert.equal(check.status, 0, check.stderr);
    const lines = check.stdout.trim().split('\n');
    assert.equal(lines.length, 2, check.stdout);
    assert.match(lines[0], /^config\.json:7:13 warning head dim 80 .*\[head-dim\]$/);
    assert.match(lines[1], /^config\.json:11:17 warning vocab_size 50257 .*\[vocab-size\]$/);
  });
});
