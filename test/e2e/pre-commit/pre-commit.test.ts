/**
 * The pre-commit hook (.pre-commit-hooks.yaml) as a user's repository runs it: `pre-commit try-repo`
 * clones this repository (uncommitted changes included), builds the hook's node environment the way
 * pre-commit does for `language: node` (npm install, npm pack, npm install -g of the pack, which
 * builds the CLI), and runs `shapelint check` on the staged files. Needs Debian's `pre-commit`
 * (test/e2e/setup.sh installs it) and the npm registry (npm install).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

suite('pre-commit hook (pre-commit try-repo)', () => {
  let scratch: string;
  let project: string;

  before(() => {
    const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    assert.equal(found.status, 0, "pre-commit is not installed: Debian's package pre-commit (test/e2e/setup.sh installs it)");
    scratch = mkdtempSync(join(tmpdir(), 'shapelint-pre-commit-'));
    project = join(scratch, 'project');
    for (const folder of ['model', 'broken']) mkdirSync(join(project, folder), { recursive: true });
    copyFileSync(join(FIXTURES, 'gpt3-2.7b', 'config.json'), join(project, 'model', 'config.json'));
    copyFileSync(join(FIXTURES, 'heads-error', 'config.json'), join(project, 'broken', 'config.json'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: project });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'configs');
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  function tryRepo(file: string) {
    return spawnSync('pre-commit', ['try-repo', ROOT, 'shapelint', '--verbose', '--files', file], {
      cwd: project,
      encoding: 'utf8',
      // Its own cache of hook environments, so that the hook is built from this checkout.
      env: { ...process.env, PRE_COMMIT_HOME: join(scratch, 'cache'), CI: 'true' },
      timeout: 600_000,
    });
  }

  test('passes on GPT-3 2.7B (warnings only) and prints its findings', () => {
    const run = tryRepo('model/config.json');
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /shapelint\.+Passed/);
    assert.match(run.stdout, /model\/config\.json:6:13 warning head dim 80 .*\[head-dim\]/);
    assert.match(run.stdout, /model\/config\.json:10:17 warning vocab_size 50257 .*\[vocab-size\]/);
  });

  test('fails the commit on a config with an error', () => {
    const run = tryRepo('broken/config.json');
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /shapelint\.+Failed/);
    assert.match(run.stdout, /broken\/config\.json:\d+:\d+ error .*\[heads-divide-hidden\]/);
  });
});
