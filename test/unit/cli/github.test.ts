/** `shapelint check --format github`: GitHub Actions workflow-command annotations. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { main } from '../../../server/src/cli';
import { escapeData, escapeProperty, toGithubAnnotations } from '../../../server/src/cli/github';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'cli');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['check', '--format', 'github', ...args], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: FIXTURES });
  return { code, stdout, stderr };
}

suite('shapelint check --format github', () => {
  test('GPT-3 2.7B: a warning annotation on the head count and one on the vocabulary, with their exact spans', async () => {
    const { code, stdout } = await run(['gpt3-2.7b/config.json']);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    // "n_head": 32 on line 6, col 13; "vocab_size": 50257 on line 10, col 17 (as the text output says); end columns are just after the value.
    assert.match(lines[0], /^::warning file=gpt3-2\.7b\/config\.json,line=6,col=13,endLine=6,endColumn=15,title=shapelint head-dim::head dim 80 .+ \[head-dim\]$/);
    assert.match(lines[1], /^::warning file=gpt3-2\.7b\/config\.json,line=10,col=17,endLine=10,endColumn=22,title=shapelint vocab-size::vocab_size 50257 .+ \[vocab-size\]$/);
  });

  test('an error is an ::error annotation and exits 1', async () => {
    const { code, stdout } = await run(['heads-error/config.json']);
    assert.equal(code, 1);
    assert.match(stdout, /^::error file=heads-error\/config\.json,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=shapelint heads-divide-hidden::/m);
  });

  test("escapes as @actions/core does: % CR LF in the message, and : , too in properties", () => {
    assert.equal(escapeData('50% of 100\r\nnext'), '50%25 of 100%0D%0Anext');
    assert.equal(escapeProperty('a,b:c%.json'), 'a%2Cb%3Ac%25.json');
    const text = readFileSync(join(FIXTURES, 'gpt3-2.7b', 'config.json'), 'utf8');
    const offset = text.indexOf('"vocab_size": 50257') + '"vocab_size": '.length;
    const [line] = toGithubAnnotations([
      { path: 'odd,name:1.json', text, findings: [{ ruleId: 'vocab-size', severity: 'information', message: 'two\nlines', span: { offset, length: 5 }, related: [], fixes: [] }] },
    ]).split('\n');
    assert.match(line, /^::notice file=odd%2Cname%3A1\.json,line=10,col=17,endLine=10,endColumn=22,title=shapelint vocab-size::two%0Alines \[vocab-size\]$/);
  });
});
