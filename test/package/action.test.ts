/**
 * The GitHub Action as GitHub runs it: action.yml's `runs` (node20, action/main.js, the committed
 * bundle that `npm run build` writes), every input set as an INPUT_* environment variable with
 * action.yml's defaults for those not given, in a workspace holding GPT-3 2.7B's config.json.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface ActionManifest {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionManifest;

suite('the GitHub Action (action.yml)', () => {
  let workspace: string;

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'shapelint-action-'));
    copyFileSync(join(ROOT, 'examples', 'gpt3-2.7b', 'config.json'), join(workspace, 'config.json'));
  });

  after(() => rmSync(workspace, { recursive: true, force: true }));

  /** Runs the action's main as the runner does: `node <main>` in the workspace, inputs as INPUT_<NAME> (upper case, name otherwise kept). */
  function runAction(inputs: Record<string, string>) {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: join(workspace, 'github-output') };
    writeFileSync(env.GITHUB_OUTPUT, '');
    for (const [name, input] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? input.default ?? '';
    const result = spawnSync(process.execPath, [join(ROOT, action.runs.main)], { cwd: workspace, env, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: readFileSync(env.GITHUB_OUTPUT, 'utf8') };
  }

  test('is a Node action with the inputs the docs name, each described', () => {
    assert.equal(action.runs.using, 'node20');
    assert.equal(action.runs.main, 'action/main.js');
    assert.deepEqual(Object.keys(action.inputs), ['path', 'gpu', 'format', 'sarif-file', 'rules', 'version']);
    assert.equal(action.inputs.format.default, 'github');
    for (const input of Object.values(action.inputs)) assert.ok(input.description.length > 20);
  });

  test('by default: one annotation per finding, on its exact range, and exit 0 for warnings', () => {
    const run = runAction({});
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n').map((line) => line.slice(0, line.indexOf('::', 2))), [
      '::warning file=config.json,line=7,col=13,endLine=7,endColumn=15,title=shapelint head-dim',
      '::warning file=config.json,line=11,col=17,endLine=11,endColumn=22,title=shapelint vocab-size',
    ]);
  });

  test('rules make head-dim an error and turn vocab-size off: exit 1; gpu changes the GPU the message speaks of', () => {
    const run = runAction({ path: 'config.json', rules: 'head-dim=error, vocab-size=off', gpu: 'a100-sxm4-40gb' });
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^::error file=config\.json,line=7,col=13,endLine=7,endColumn=15,title=shapelint head-dim::/);
  });

  test('format sarif writes the SARIF file and names it as the step output', () => {
    const run = runAction({ format: 'sarif', 'sarif-file': 'reports/shapelint.sarif' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.output, 'sarif-file=reports/shapelint.sarif\n');
    const sarif = JSON.parse(readFileSync(join(workspace, 'reports', 'shapelint.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.version, version);
    assert.deepEqual(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId).sort(), ['head-dim', 'vocab-size']);
    assert.doesNotMatch(run.stdout, /::warning/);
  });

  test('version must be the version the ref carries; bad inputs are an annotated usage error (exit 2)', () => {
    assert.equal(runAction({ version: `v${version}` }).status, 0);
    const wrongVersion = runAction({ version: '99.0.0' });
    assert.equal(wrongVersion.status, 2);
    assert.match(wrongVersion.stdout, new RegExp(`^::error title=shapelint::this ref carries shapelint ${version.replace(/\./g, '\\.')}, not 99\\.0\\.0`));
    const wrongFormat = runAction({ format: 'text' });
    assert.equal(wrongFormat.status, 2);
    assert.match(wrongFormat.stdout, /^::error title=shapelint::format 'text' is not github or sarif/);
    const unknownGpu = runAction({ gpu: 'tpu-v9' });
    assert.equal(unknownGpu.status, 2);
    assert.match(unknownGpu.stdout, /^::error title=shapelint::.*tpu-v9/);
    assert.equal(runAction({ path: 'missing.json' }).status, 2);
  });
});
