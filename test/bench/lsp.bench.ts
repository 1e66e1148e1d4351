/**
 * The latency table, measured in one run on the same files: change → publishDiagnostics
 * through the real server processes (shapelint `lsp --stdio` and yaml-language-server 2.0 over
 * stdio), on GPT-NeoX's 94-line 2-7B.yml and on it padded to 5,000 lines; then `shapelint check`
 * of a 5 MB NeoX YAML and of a 10 MB Megatron script, with the CPU time and peak memory of the
 * process. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURES, LspClient, ROOT, SERVER_CLI } from '../lsp/harness';

const EDITS = 40;
const YAML_LANGUAGE_SERVER = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const NEOX = readFileSync(join(ROOT, 'test', 'fixtures', 'bench', '2-7B.yml'), 'utf8');

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** 2-7B.yml with unrelated keys added before its closing brace, to `lines` lines or `bytes` bytes. */
function paddedNeox(limit: { lines?: number; bytes?: number }): string {
  const base = NEOX.trimEnd().replace(/\}$/, '');
  const filler: string[] = [];
  let size = base.length;
  for (let i = 0; (limit.lines === undefined || base.split('\n').length + filler.length + 1 < limit.lines) && (limit.bytes === undefined || size < limit.bytes); i++) {
    const line = `   "extra_setting_${i}": ${i}, # unrelated to shapes`;
    filler.push(line);
    size += line.length + 1;
  }
  return `${base}\n${filler.join('\n')}\n}\n`;
}

/** A Megatron launch script padded with assignments, option strings, comments and commands. */
function paddedMegatron(bytes: number): string {
  const head = readFileSync(join(FIXTURES, 'pretrain_gpt3_2.7b.sh'), 'utf8');
  const lines: string[] = [];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const line = [`# step ${i}: unrelated to shapes`, `EXTRA_${i}=${i}`, `OPTS_${i}="--extra-option-${i} $EXTRA_${i - 1} --flag-${i}"`, `echo "run ${i}" >> log_${i}.txt`][i % 4];
    lines.push(line);
    size += line.length + 1;
  }
  return `${head}${lines.join('\n')}\n`;
}

/** p95 of didChange → the next publishDiagnostics for the document, alternating two texts; and the server's mean CPU per change. */
async function changeLatency(client: LspClient, uri: string, text: string, edited: string): Promise<{ p95: number; cpu: number }> {
  await client.open(uri, text);
  await client.diagnosticsAfter(uri, 0);
  const cpuBefore = client.cpuMs();
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const seen = client.history.length;
    const start = performance.now();
    await client.change(uri, i % 2 === 0 ? edited : text);
    await client.diagnosticsAfter(uri, seen);
    times.push(performance.now() - start);
  }
  return { p95: percentile(times, 0.95), cpu: (client.cpuMs() - cpuBefore) / EDITS };
}

function checkRun(path: string, format: string): { wallMs: number; cpuMs: number; maxRssMb: number } {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--require', join(__dirname, 'rusage.cjs'), SERVER_CLI, 'check', path, '--config-format', format], { encoding: 'utf8' });
  const wallMs = performance.now() - start;
  const usage = JSON.parse(/RUSAGE (.*)/.exec(run.stderr)?.[1] ?? '{}') as { cpuMs: number; maxRssKb: number };
  return { wallMs, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssKb / 1024 };
}

export async function run(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'shapelint-bench-'));
  const uri = (name: string) => pathToFileURL(join(scratch, name)).href;
  const small = NEOX;
  const long = paddedNeox({ lines: 5000 });
  const edit = (text: string) => text.replace('"num_attention_heads": 32', '"num_attention_heads": 20');
  const servers: [string, string[], Record<string, unknown>][] = [
    ['shapelint', [SERVER_CLI, 'lsp', '--stdio'], {}],
    ['yaml-language-server', [YAML_LANGUAGE_SERVER, '--stdio'], { validate: true, format: { enable: false }, hover: false, completion: false, schemaStore: { enable: false } }],
  ];
  const latency: Record<string, { p95: number; cpu: number }[]> = {};
  try {
    for (const [name, command, settings] of servers) {
      const client = await LspClient.start(settings, command);
      try {
        latency[name] = [await changeLatency(client, uri(`${name}-small.yml`), small, edit(small)), await changeLatency(client, uri(`${name}-long.yml`), long, edit(long))];
      } finally {
        await client.stop();
      }
    }
    const bigYaml = join(scratch, 'big-neox.yml');
    writeFileSync(bigYaml, paddedNeox({ bytes: 5 * 1024 * 1024 }));
    const bigScript = join(scratch, 'big-megatron.sh');
    // 10 MB, within the 10 MiB shapelint reads (MAX_CHECKED_LENGTH): 10 MiB padded to a whole line would be past it.
    writeFileSync(bigScript, paddedMegatron(10_000_000));
    const yamlCheck = checkRun(bigYaml, 'neox');
    const scriptCheck = checkRun(bigScript, 'megatron');
    const ms = (value: { p95: number; cpu: number }) => `${value.p95.toFixed(0)} ms (server CPU ${value.cpu.toFixed(0)} ms per change)`;
    const checkCell = (run: ReturnType<typeof checkRun>) => `${(run.wallMs / 1000).toFixed(2)} s wall, ${(run.cpuMs / 1000).toFixed(2)} s CPU, ${run.maxRssMb.toFixed(0)} MB`;
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${loadavg()[0].toFixed(1)}`);
    console.log('');
    console.log('| | shapelint | yaml-language-server 2.0 | goal |');
    console.log('| --- | --- | --- | --- |');
    console.log(`| change → diagnostics, ${small.split('\n').length - 1}-line NeoX config, p95 of ${EDITS} | ${ms(latency.shapelint[0])} | ${ms(latency['yaml-language-server'][0])} | ≤ 30 ms |`);
    console.log(`| change → diagnostics, ${long.split('\n').length - 1}-line NeoX YAML, p95 of ${EDITS} | ${ms(latency.shapelint[1])} | ${ms(latency['yaml-language-server'][1])} | ≤ 30 ms (the run-model issue) |`);
    console.log(`| \`check\` of a 5 MB NeoX YAML | ${checkCell(yamlCheck)} | | ≤ 1 s, ≤ 200 MB |`);
    console.log(`| \`check\` of a 10 MB Megatron script | ${checkCell(scriptCheck)} | | ≤ 1 s, ≤ 200 MB |`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
