import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { EXIT_INTERNAL } from '../../../server/src/cli/io';

const CLI = join(__dirname, '..', '..', '..', 'server', 'out', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'shapelint-failures-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

suite('shapelint check: a file that cannot be checked', () => {
  // 900 levels is within the reader's bound, but a host with a small stack (here 100 KB) cannot
  // parse it: a real internal failure, without a test hook in the CLI.
  writeFileSync(join(scratch, 'deep.json'), `{"hidden_size": 4096, "num_attention_heads": 32, "a": ${'['.repeat(900)}${']'.repeat(900)}}`);
  copyFileSync(join(__dirname, '..', '..', 'fixtures', 'cli', 'gpt3-2.7b', 'config.json'), join(scratch, 'good.json'));
  const run = (format: string) =>
    spawnSync(process.execPath, ['--stack-size=100', CLI, 'check', 'deep.json', 'good.json', '--config-format', 'hf', '--format', format], { cwd: scratch, encoding: 'utf8' });

  test('is reported, the other files still are, and the exit status is 3 (internal), not 2 (usage)', () => {
    const result = run('json');
    assert.equal(result.status, EXIT_INTERNAL);
    assert.equal(EXIT_INTERNAL, 3);
    assert.match(result.stderr, /^deep\.json: internal error, file not checked: RangeError: Maximum call stack size exceeded$/m);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.failures, [{ path: 'deep.json', error: 'RangeError: Maximum call stack size exceeded' }]);
    assert.deepEqual(report.files.map((file: { path: string; diagnostics: { rule: string }[] }) => [file.path, file.diagnostics.map((d) => d.rule)]), [['good.json', ['head-dim', 'vocab-size']]]);
  });

  test('the text output still lists the other file', () => {
    const result = run('text');
    assert.equal(result.status, EXIT_INTERNAL);
    assert.match(result.stdout, /^good\.json:\d+:\d+ warning head dim 80/m);
  });
});

suite('shapelint check: a folder of very many files', () => {
  // A folder of 130,000 files overflowed the default stack (the file list was spread into one
  // push); with the stack cut to 100 KB, 15,000 empty files and one config do the same.
  const folder = join(scratch, 'many');
  mkdirSync(folder);
  for (let index = 0; index < 15_000; index++) closeSync(openSync(join(folder, `f${index}.txt`), 'w'));
  copyFileSync(join(__dirname, '..', '..', 'fixtures', 'cli', 'gpt3-2.7b', 'config.json'), join(folder, 'config.json'));

  test('is walked, and the config in it reported, with exit status 0', () => {
    const result = spawnSync(process.execPath, ['--stack-size=100', CLI, 'check', 'many'], { cwd: scratch, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^many\/config\.json:\d+:\d+ warning head dim 80/m);
    assert.match(result.stderr, /in 1 file/);
  });
});
