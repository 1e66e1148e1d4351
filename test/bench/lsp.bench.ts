/**
 * Editor latency through the real server process (`shapelint lsp --stdio`): from didChange to
 * publishDiagnostics, and hover round trips,
 * on a typical config and on a 5,000-line one. Needs `npm run build` first.
 */
import { fixture, LspClient, offsetOf } from '../lsp/harness';

const EDITS = 25;
const HOVERS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms`;
}

/** GPT-NeoX YAML padded to `lines` lines with unrelated keys: the shape keys first, the bulk after. */
function longNeoxConfig(lines: number): string {
  const base = fixture('neox-2-7B.yml').text.trimEnd().replace(/\}$/, '');
  const filler = Array.from({ length: lines - base.split('\n').length - 1 }, (_, i) => `  "extra_setting_${i}": ${i}, # unrelated to shapes`);
  return `${base}\n${filler.join('\n')}\n}\n`;
}

async function measure(client: LspClient, name: string, uri: string, text: string, hoverNeedle: string, editFrom: string, editTo: string): Promise<void> {
  await client.open(uri, text);
  await client.diagnostics(uri);
  const toDiagnostics: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const next = i % 2 === 0 ? text.replace(editFrom, editTo) : text;
    const start = performance.now();
    await client.change(uri, next);
    await client.diagnostics(uri);
    toDiagnostics.push(performance.now() - start);
  }
  const hovers: number[] = [];
  const offset = offsetOf(client.text(uri), hoverNeedle) + hoverNeedle.length - 1;
  for (let i = 0; i < HOVERS; i++) {
    const start = performance.now();
    await client.hover(uri, offset);
    hovers.push(performance.now() - start);
  }
  console.log(`${name} (${text.split('\n').length} lines):`);
  console.log(`  didChange → publishDiagnostics: ${summary(toDiagnostics)} over ${EDITS} edits`);
  console.log(`  hover: ${summary(hovers)} over ${HOVERS} requests`);
}

export async function run(): Promise<void> {
  const client = await LspClient.start();
  try {
    const hf = fixture('config.json');
    await measure(client, 'HF config.json, GPT-3 2.7B', hf.uri, hf.text, '"n_embd": 2560', '"n_head": 32', '"n_head": 20');
    const long = longNeoxConfig(5000);
    await measure(client, 'GPT-NeoX YAML, 5,000 lines', hf.uri.replace('config.json', 'long-neox.yml'), long, '"hidden-size": 2560', '"num-attention-heads": 32', '"num-attention-heads": 20');
  } finally {
    await client.stop();
  }
}
