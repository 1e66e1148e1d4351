import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { main } from '../../../server/src/cli';
import { MAX_CHECKED_LENGTH } from '../../../server/src/core/check';
import { RULES, ruleDocsUrl } from '../../../server/src/core/rules';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'cli');
const GPT3 = 'gpt3-2.7b/config.json';
const gpt3Text = readFileSync(join(FIXTURES, GPT3), 'utf8');

async function run(args: string[], cwd = FIXTURES) {
  let stdout = '';
  let stderr = '';
  const code = await main(['check', ...args], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd });
  return { code, stdout, stderr };
}

/** 1-based line:col of a literal (its first occurrence after `after`) in a text, as the text output prints it. */
function lineCol(text: string, needle: string, after = ''): string {
  const position = TextDocument.create('', '', 0, text).positionAt(text.indexOf(needle, text.indexOf(after)));
  return `${position.line + 1}:${position.character + 1}`;
}

const scratch = mkdtempSync(join(tmpdir(), 'shapelint-check-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

suite('shapelint check: text', () => {
  test('GPT-3 2.7B: head-dim at the head count and vocab-size at the vocab, exit 0 (warnings only)', async () => {
    const { code, stdout } = await run([GPT3]);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.ok(lines.some((line) => line.startsWith(`${GPT3}:${lineCol(gpt3Text, '32', '"n_head"')} warning `) && line.endsWith('[head-dim]')));
    assert.ok(lines.some((line) => line.startsWith(`${GPT3}:${lineCol(gpt3Text, '50257', '"vocab_size"')} warning `) && line.endsWith('[vocab-size]')));
    for (const line of lines) assert.match(line, /^\S+:\d+:\d+ (error|warning|information|hint) .+ \[[a-z-]+\]$/);
  });

  test('an error exits 1', async () => {
    const { code, stdout } = await run(['heads-error/config.json']);
    assert.equal(code, 1);
    assert.match(stdout, /error .* \[heads-divide-hidden\]/);
  });

  test('a clean config (Llama-2-7B) prints nothing and exits 0', async () => {
    const { code, stdout } = await run(['llama-2-7b/config.json']);
    assert.equal(code, 0);
    assert.equal(stdout, '');
  });

  test('--gpus states the run: Llama-2-7B alone on one GPU gets memory; with the distributed optimizer over 8 and TP 2 it fits', async () => {
    // Llama-2-7B (meta-llama/Llama-2-7b-hf config.json): 6.7B parameters × 18 bytes of mixed-precision Adam state is ≈ 113 GiB on one GPU.
    const alone = await run(['llama-2-7b/config.json', '--gpus', '1']);
    assert.match(alone.stdout, /llama-2-7b\/config\.json:\d+:\d+ warning The run needs ≈ \d+ GiB per GPU, more than the 80 GiB an NVIDIA H100 SXM5 80GB has .*\[memory\]/);
    const spread = await run(['llama-2-7b/config.json', '--gpus', '8', '--tp', '2', '--distributed-optimizer', '--sequence-parallel']);
    assert.doesNotMatch(spread.stdout, /\[memory\]/);
    const silent = await run(['llama-2-7b/config.json']);
    assert.doesNotMatch(silent.stdout, /\[memory\]/, 'no GPU count stated: not judged on the default node');
    assert.equal((await run(['llama-2-7b/config.json', '--gpus', '0'])).code, 2);
  });

  test('--rule changes severities and turns rules off', async () => {
    const off = await run([GPT3, '--rule', 'head-dim=off']);
    assert.doesNotMatch(off.stdout, /\[head-dim\]/);
    const error = await run([GPT3, '--rule', 'head-dim=error']);
    assert.equal(error.code, 1);
    assert.match(error.stdout, / error .*\[head-dim\]/);
  });

  test('an unreadable path exits 2 and says so', async () => {
    const { code, stderr } = await run([GPT3, 'no/such/file.json']);
    assert.equal(code, 2);
    assert.match(stderr, /cannot read 'no\/such\/file.json'/);
  });

  test('bad usage exits 2', async () => {
    for (const args of [[], [GPT3, '--format', 'xml'], [GPT3, '--rule', 'nope=warning'], [GPT3, '--rule', 'head-dim=loud'], [GPT3, '--rule', 'head-dim'], [GPT3, '--gpu', 'abacus'], [GPT3, '--config-format', 'toml'], [GPT3, '--bogus']]) {
      assert.equal((await run(args)).code, 2, args.join(' '));
    }
  });

  test('a file no format recognises is reported, not fatal', async () => {
    const { code, stderr, stdout } = await run(['not-a-config.txt', GPT3]);
    assert.equal(code, 0);
    assert.match(stderr, /not-a-config\.txt: not a model config shapelint recognises/);
    assert.match(stdout, /\[head-dim\]/);
  });

  test('a look-alike of a supported format is refused saying what it is: stderr, and formatEvidence in the JSON', async () => {
    // The keys of deepseek-ai/DeepSeek-V3 inference/configs/config_671B.json: dim and n_heads as in params.json, but DeepSeek's.
    const deepseek = join(scratch, 'config_671B.json');
    writeFileSync(deepseek, '{"vocab_size": 129280, "dim": 7168, "inter_dim": 18432, "moe_inter_dim": 2048, "n_layers": 61, "n_dense_layers": 3, "n_heads": 128, "n_routed_experts": 256}\n');
    const { code, stderr } = await run([deepseek]);
    assert.equal(code, 0);
    assert.match(stderr, /not a model config shapelint recognises: it is DeepSeek's inference config .* told by inter_dim, moe_inter_dim, n_routed_experts, n_dense_layers/);
    const json = JSON.parse((await run([deepseek, '--format', 'json'])).stdout);
    assert.deepEqual(json.files, []);
    assert.deepEqual(json.refused[0].formatEvidence, ['inter_dim', 'moe_inter_dim', 'n_routed_experts', 'n_dense_layers']);
  });

  test('--tp, --micro-batch and --seq stand in for what an HF config.json does not say', async () => {
    // GPT-3 2.7B's 32 heads do not shard over 3 GPUs: the tensor-parallel rule needs the launch's TP.
    assert.equal((await run([GPT3])).stdout.includes('[tensor-parallel]'), false);
    const { code, stdout } = await run([GPT3, '--tp', '3']);
    assert.equal(code, 1);
    assert.match(stdout, /\[tensor-parallel\]/);
    const json = JSON.parse((await run([GPT3, '--format', 'json', '--micro-batch', '2', '--seq', '1024'])).stdout);
    const qkv = json.files[0].prediction.gemms.find((gemm: { name: string }) => gemm.name === 'qkv');
    // The QKV GEMM has b·s rows: b from --micro-batch; s from the file's n_positions 2048, which wins over --seq.
    assert.equal(qkv.m, 2 * 2048);
  });

  test('--seq, --micro-batch, --tp and --dtype are checked like every other option', async () => {
    for (const args of [['--tp', '0'], ['--seq', 'long'], ['--micro-batch', '1.5'], ['--dtype', 'fp4']]) {
      const { code, stderr } = await run([GPT3, ...args]);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, new RegExp(args[0]));
    }
  });

  test('--config-format reads a file whatever its name', async () => {
    const renamed = join(scratch, 'model.settings');
    writeFileSync(renamed, gpt3Text);
    const { stdout } = await run([renamed, '--config-format', 'hf'], scratch);
    assert.match(stdout, /^model\.settings:\d+:\d+ warning .*\[head-dim\]/m);
  });

  test('a file past the size limit: one not-read warning with the limit, exit 0, nothing else read', async () => {
    // GPT-3 2.7B's config.json with spaces after it: valid JSON, 10 MiB and one character long.
    const big = join(scratch, 'config.json');
    writeFileSync(big, gpt3Text + ' '.repeat(MAX_CHECKED_LENGTH + 1 - gpt3Text.length));
    const { code, stdout, stderr } = await run([big], scratch);
    assert.equal(code, 0);
    assert.equal(stdout, `config.json:1:1 warning This file has 10,485,761 characters (10.0 MB); shapelint reads files of up to 10,485,760 (10.0 MB), so nothing in it is checked. [not-read]\n`);
    assert.match(stderr, /0 errors, 1 warning, 0 notes in 1 file/);
    writeFileSync(big, gpt3Text + ' '.repeat(MAX_CHECKED_LENGTH - gpt3Text.length));
    assert.match((await run([big], scratch)).stdout, /\[head-dim\]/);
    rmSync(big);
  });

  test('a folder is walked for configs, skipping node_modules and files no format recognises', async () => {
    const tree = join(scratch, 'tree');
    mkdirSync(join(tree, 'nested'), { recursive: true });
    mkdirSync(join(tree, 'node_modules', 'pkg'), { recursive: true });
    cpSync(join(FIXTURES, GPT3), join(tree, 'config.json'));
    cpSync(join(FIXTURES, 'heads-error/config.json'), join(tree, 'nested', 'config.json'));
    cpSync(join(FIXTURES, 'heads-error/config.json'), join(tree, 'node_modules', 'pkg', 'config.json'));
    writeFileSync(join(tree, 'README.md'), '# notes\n');
    const { code, stdout, stderr } = await run(['tree', '--format', 'json'], scratch);
    assert.equal(code, 1);
    const paths = (JSON.parse(stdout) as { files: { path: string }[] }).files.map((file) => file.path);
    assert.deepEqual(paths, ['tree/config.json', 'tree/nested/config.json']);
    assert.doesNotMatch(stderr, /README/);
  });
});

interface JsonReport {
  files: {
    path: string;
    format: string;
    shape: Record<string, unknown>;
    prediction: { layer: { tflops: number } } | null;
    diagnostics: {
      rule: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
      fixes: { title: string; isPreferred: boolean; safe: boolean; edits: { range: unknown; newText: string }[] }[];
    }[];
  }[];
}

suite('shapelint check: json', () => {
  test('files with format, shape values (unknown = null), 0-based ranges, fixes and a prediction', async () => {
    const { code, stdout } = await run([GPT3, '--format', 'json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as JsonReport;
    assert.equal(report.files.length, 1);
    const [file] = report.files;
    assert.equal(file.path, GPT3);
    assert.equal(file.format, 'hf');
    assert.equal(file.shape.hiddenSize, 2560);
    assert.equal(file.shape.numHeads, 32);
    assert.equal(file.shape.numLayers, 32);
    assert.equal(file.shape.vocabSize, 50257);
    assert.equal(file.shape.headDim, 80);
    for (const key of ['numKvHeads', 'ffnHiddenSize', 'paddedVocabSize', 'seqLength', 'microBatchSize', 'tensorParallel', 'pipelineParallel', 'activation']) {
      assert.ok(key in file.shape, key);
    }
    assert.ok(Object.values(file.shape).every((value) => value === null || ['number', 'string', 'boolean'].includes(typeof value)));

    const document = TextDocument.create('', '', 0, gpt3Text);
    const vocab = file.diagnostics.find((d) => d.rule === 'vocab-size')!;
    const offset = gpt3Text.indexOf('50257', gpt3Text.indexOf('"vocab_size"'));
    assert.deepEqual(vocab.range, { start: document.positionAt(offset), end: document.positionAt(offset + 5) });
    assert.equal(vocab.severity, 'warning');
    // Offered, not safe: the checkpoint beside an HF config keeps its 50257-row embedding.
    assert.deepEqual(vocab.fixes.map((fix) => [fix.safe, fix.isPreferred, fix.edits.map((edit) => edit.newText)]), [[false, true, ['50304']]]);
    assert.deepEqual(vocab.fixes[0].edits[0].range, vocab.range);

    const headDim = file.diagnostics.find((d) => d.rule === 'head-dim')!;
    assert.deepEqual(headDim.fixes.map((fix) => fix.edits[0].newText).sort(), ['20', '40']);
    assert.ok(headDim.fixes.every((fix) => !fix.safe));
    assert.ok(file.prediction && file.prediction.layer.tflops > 0);
  });

  test("each file's launch assumptions with origin and source; --attention, --dropout and --recompute override the file, and the fix estimates follow", async () => {
    type Report = { files: { assumptions: { name: string; value: unknown; origin: string; source: string }[]; diagnostics: { rule: string; fixes: { title: string }[] }[] }[] };
    const silent = JSON.parse((await run([GPT3, '--gpu', 'a100-sxm4-40gb', '--format', 'json'])).stdout) as Report;
    const [file] = silent.files;
    const attention = file.assumptions.find((item) => item.name === 'attentionKernel')!;
    assert.deepEqual([attention.value, attention.origin], ['PyTorch SDPA → FlashAttention-2', 'default']);
    assert.match(attention.source, /this file does not set attn_implementation/);
    const forced = JSON.parse((await run([GPT3, '--gpu', 'a100-sxm4-40gb', '--attention', 'unfused', '--dropout', '0', '--recompute', 'full', '--format', 'json'])).stdout) as Report;
    const values = new Map(forced.files[0].assumptions.map((item) => [item.name, [item.value, item.origin]]));
    assert.deepEqual(values.get('attentionKernel'), ['unfused attention', 'setting']);
    assert.deepEqual(values.get('hiddenDropout'), [0, 'setting']);
    assert.deepEqual(values.get('recompute'), ['full', 'setting']);
    // The same fix, estimated under each launch: the fused kernel leaves less for 20 heads to gain.
    const gain = (report: Report) => Number(/\+([\d.]+)% layer/.exec(report.files[0].diagnostics.find((d) => d.rule === 'head-dim')!.fixes.find((fix) => fix.title.startsWith('Use 20 heads'))!.title)![1]);
    assert.ok(gain(silent) < 8 && gain(forced) > 15, `${gain(silent)} fused, ${gain(forced)} unfused`);
    assert.equal((await run([GPT3, '--attention', 'sdpa'])).code, 2);
  });
});

suite('shapelint check: sarif', () => {
  test('SARIF 2.1.0 with the rule catalogue and 1-based regions relative to the working directory', async () => {
    const { code, stdout } = await run([GPT3, 'heads-error/config.json', '--format', 'sarif']);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const [run0] = sarif.runs;
    const driver = run0.tool.driver;
    assert.equal(driver.name, 'shapelint');
    assert.deepEqual(driver.rules.map((rule: { id: string }) => rule.id), RULES.map((rule) => rule.id));
    for (const rule of driver.rules) {
      assert.equal(rule.helpUri, ruleDocsUrl(rule.id));
      assert.ok(rule.shortDescription.text.length > 0);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    const vocab = run0.results.find((result: { ruleId: string }) => result.ruleId === 'vocab-size');
    assert.equal(vocab.level, 'warning');
    assert.equal(driver.rules[vocab.ruleIndex].id, 'vocab-size');
    const [line, column] = lineCol(gpt3Text, '50257', '"vocab_size"').split(':').map(Number);
    assert.deepEqual(vocab.locations[0].physicalLocation, {
      artifactLocation: { uri: GPT3 },
      region: { startLine: line, startColumn: column, endLine: line, endColumn: column + 5 },
    });
    assert.ok(run0.results.some((result: { ruleId: string; level: string }) => result.ruleId === 'heads-divide-hidden' && result.level === 'error'));
  });

  test('file names with #, ?, %, spaces and brackets are percent-encoded in every SARIF URI (issue 18)', async () => {
    const folder = join(scratch, 'sarif names', 'a#b?c');
    mkdirSync(folder, { recursive: true });
    const name = 'run #1?x=1 %20[a].json';
    writeFileSync(join(folder, name), gpt3Text);
    const { stdout } = await run(['sarif names', '--format', 'sarif'], scratch);
    const uris = new Set<string>();
    for (const result of JSON.parse(stdout).runs[0].results) {
      for (const location of [...result.locations, ...(result.relatedLocations ?? [])]) uris.add(location.physicalLocation.artifactLocation.uri);
      for (const fix of result.fixes ?? []) for (const change of fix.artifactChanges) uris.add(change.artifactLocation.uri);
    }
    assert.deepEqual([...uris], ['sarif%20names/a%23b%3Fc/run%20%231%3Fx%3D1%20%2520%5Ba%5D.json']);
    // Resolved against the working directory, the URI names the file: no fragment, no query.
    const url = new URL([...uris][0], 'file:///work/');
    assert.deepEqual([url.hash, url.search, decodeURIComponent(url.pathname)], ['', '', `/work/sarif names/a#b?c/${name}`]);
  });
});

suite('shapelint check --fix', () => {
  test('an HF file (CRLF) is left byte-identical: padding its vocabulary is offered, never applied, and stays reported', async () => {
    const original = readFileSync(join(FIXTURES, 'crlf/config.json'), 'utf8');
    assert.ok(original.includes('\r\n'));
    const path = join(scratch, 'crlf.json');
    writeFileSync(path, original);
    const { code, stdout } = await run(['crlf.json', '--fix', '--config-format', 'hf'], scratch);
    assert.equal(code, 0);
    assert.equal(readFileSync(path, 'utf8'), original);
    assert.match(stdout, /\[vocab-size\]/);
    assert.match(stdout, /\[head-dim\]/, 'the unsafe head-count fix is reported, not applied');
  });

  test('GPT-NeoX YAML (CRLF): the divisor is padded, byte-identical elsewhere; comments, trailing commas and the unsafe MLP fix are left alone', async () => {
    // GPT-NeoX pads the vocabulary to make_vocab_size_divisible_by × TP; 100 is not a multiple of 64.
    const original = [
      '# a comment that must survive',
      '{',
      '  "hidden_size": 4096,   # h',
      '  "num_attention_heads": 32,',
      '  "activation": "swiglu",',
      '  "intermediate_size": 32768,  # 10922 per branch: not aligned, but not a safe fix',
      '  "make_vocab_size_divisible_by": 100,  # padding',
      '}',
      '',
    ].join('\r\n');
    const path = join(scratch, 'neox.yml');
    writeFileSync(path, original);
    const { stdout } = await run(['neox.yml', '--fix'], scratch);
    const offset = original.indexOf('100,');
    assert.equal(readFileSync(path, 'utf8'), `${original.slice(0, offset)}128${original.slice(offset + 3)}`);
    assert.doesNotMatch(stdout, /\[vocab-size\]/);
    assert.match(stdout, /\[ffn-size\]/);
  });

  test('a folder: links that lead outside it are skipped and named, never written through; links inside are followed (issue 18)', async () => {
    const launch = readFileSync(join(FIXTURES, '..', 'shared-literals', 'megatron-divisor-own-variable.sh'), 'utf8');
    const outside = join(scratch, 'links', 'outside');
    const root = join(scratch, 'links', 'root');
    mkdirSync(join(root, 'sub'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'train.sh'), launch);
    writeFileSync(join(root, 'inside.sh'), launch);
    symlinkSync(join(outside, 'train.sh'), join(root, 'link.sh'));
    symlinkSync(outside, join(root, 'sub', 'outdir'));
    symlinkSync(join(root, 'inside.sh'), join(root, 'sub', 'inside-link.sh'));
    const { code, stderr } = await run(['root', '--fix'], join(scratch, 'links'));
    assert.equal(code, 0);
    assert.equal(readFileSync(join(outside, 'train.sh'), 'utf8'), launch, 'the file outside the folder is untouched');
    assert.equal(readFileSync(join(root, 'inside.sh'), 'utf8'), launch.replace('VOCAB_DIVISOR=1', 'VOCAB_DIVISOR=64'));
    assert.match(stderr, /skipped 'root\/link\.sh': a link to '.*outside[\\/]train\.sh', outside 'root'/);
    assert.match(stderr, /skipped 'root\/sub\/outdir': a link to '.*outside', outside 'root'/);
    assert.doesNotMatch(stderr, /inside-link/);
  });

  test('a folder: a file too large to walk is named when it looks like a config, not when it does not', async () => {
    const root = join(scratch, 'large');
    mkdirSync(root, { recursive: true });
    // Over the 8 MiB a walked file may be: a config padded with a comment, and a checkpoint-like blob.
    writeFileSync(join(root, 'config.json'), gpt3Text.replace(/\}\s*$/, `,\n  "_comment": "${'x'.repeat(9 * 2 ** 20)}"\n}\n`));
    writeFileSync(join(root, 'weights.bin'), Buffer.alloc(9 * 2 ** 20));
    const { code, stderr } = await run(['large'], scratch);
    assert.equal(code, 0);
    assert.match(stderr, /skipped 'large\/config\.json': 9\.0 MiB, more than the 8 MiB a file found in a folder may be, though it reads as a Hugging Face config\.json \(name the file to check it\)/);
    assert.doesNotMatch(stderr, /weights\.bin/);
    assert.match(stderr, /in 0 files/);
  });

  test('a file with nothing safe to fix is left untouched', async () => {
    const path = join(scratch, 'llama.json');
    const original = readFileSync(join(FIXTURES, 'llama-2-7b/config.json'), 'utf8');
    writeFileSync(path, original);
    await run(['llama.json', '--fix', '--config-format', 'hf'], scratch);
    assert.equal(readFileSync(path, 'utf8'), original);
  });
});
