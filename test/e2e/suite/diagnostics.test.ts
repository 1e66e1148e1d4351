// Diagnostics in every config format: the rule ids and the exact literal each one marks.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { literalRange, openFixture, ruleId, screenshot, shapelintDiagnostics, waitForRules, workspaceFile } from './helpers';

interface Expected {
  rule: string;
  /** The diagnostic covers `literal` where it first follows `after`. */
  after: string;
  literal: string;
}

// Every fixture but torchtitan's has GPT-3 2.7B's shape (Brown et al. 2020: h=2560, 32 heads, head dim 80,
// off the 64-element alignment); where the format holds the vocab, GPT-2's 50257 unpadded.
const FIXTURES: { file: string; expected: Expected[] }[] = [
  {
    file: 'hf/config.json',
    expected: [
      { rule: 'head-dim', after: '"n_head": ', literal: '32' },
      { rule: 'vocab-size', after: '"vocab_size": ', literal: '50257' },
    ],
  },
  {
    file: 'neox/2-7B.yml',
    expected: [
      { rule: 'head-dim', after: '"num-attention-heads": ', literal: '32' },
      // NeoX pads to make_vocab_size_divisible_by × TP: the divisor is what to change.
      { rule: 'vocab-size', after: '"make_vocab_size_divisible_by": ', literal: '1' },
    ],
  },
  // The heads come through $NUM_HEADS: the diagnostic is on the literal of the assignment.
  { file: 'megatron/pretrain_gpt3_2.7b.sh', expected: [{ rule: 'head-dim', after: 'NUM_HEADS=', literal: '32' }] },
  { file: 'nemo/megatron_gpt_2.7b.yaml', expected: [{ rule: 'head-dim', after: 'num_attention_heads: ', literal: '32' }] },
  {
    file: 'litgpt/gpt3-2.7b.yaml',
    expected: [
      { rule: 'head-dim', after: 'n_head: ', literal: '32' },
      { rule: 'vocab-size', after: 'padded_vocab_size: ', literal: '50257' },
    ],
  },
  { file: 'nanogpt/config/train_gpt3_2p7b.py', expected: [{ rule: 'head-dim', after: 'n_head = ', literal: '32' }] },
  // torchtitan names its model: the shape comes from the catalogue and the warning sits on the flavor.
  // Matched by file name (VS Code has no TOML language of its own).
  { file: 'torchtitan/debug_model.toml', expected: [{ rule: 'head-dim', after: 'flavor = ', literal: '"debugmodel"' }] },
];

/** Rules that would mean the fixture was misread rather than judged. */
const READ_FAILURES = ['syntax', 'invalid-value'];

suite('diagnostics in every format', () => {
  for (const { file, expected } of FIXTURES) {
    test(`${file}: ${expected.map((entry) => entry.rule).join(', ')}`, async () => {
      const editor = await openFixture(file);
      const document = editor.document;
      const diagnostics = await waitForRules(document.uri, expected.map((entry) => entry.rule));
      for (const { rule, after, literal } of expected) {
        const range = literalRange(document, after, literal);
        const matching = diagnostics.filter((diagnostic) => ruleId(diagnostic) === rule);
        assert.ok(
          matching.some((diagnostic) => diagnostic.range.isEqual(range)),
          `${rule} should cover "${literal}" at ${show(range)}; got ${matching.map((diagnostic) => show(diagnostic.range)).join(', ')}`,
        );
        for (const diagnostic of matching) {
          assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning, `${rule} severity`);
          const code = diagnostic.code;
          assert.ok(typeof code === 'object' && code.target.path.endsWith(`docs/rules/${rule}.md`), `${rule} links its docs page`);
        }
      }
      const misread = diagnostics.filter((diagnostic) => READ_FAILURES.includes(ruleId(diagnostic) ?? ''));
      assert.deepEqual(misread.map((diagnostic) => diagnostic.message), [], `${file} is read without errors`);
    });
  }

  test('the Problems panel lists them', async () => {
    await openFixture('hf/config.json');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const total = FIXTURES.reduce((sum, fixture) => sum + shapelintDiagnostics(workspaceFile(fixture.file)).length, 0);
    assert.ok(total >= FIXTURES.length, `at least one diagnostic per fixture, got ${total}`);
    await screenshot('problems');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });
});

function show(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
