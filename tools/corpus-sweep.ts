/**
 * `node --import tsx tools/corpus-sweep.ts <folder>`: reads every file under a folder through
 * detection, parsing, the format reader and the rules, and prints per file what shapelint
 * understood (format, key shape values, counts). A file that throws is reported and counted,
 * never fatal. When a file sits in a folder named after a format (`hf/`, `neox/`, ...), that
 * folder is taken as the expected format (a NeMo YAML, named so, may sit under `megatron/`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { detectionEvidence } from '../server/src/core/formats';
import { check } from '../server/src/core/check';
import { FORMAT_IDS, NUMERIC_FIELDS, type FormatId, type ModelShape } from '../server/src/core/model/shape';

const COLUMNS: [string, keyof ModelShape][] = [
  ['h', 'hiddenSize'],
  ['L', 'numLayers'],
  ['a', 'numHeads'],
  ['kv', 'numKvHeads'],
  ['hd', 'headDim'],
  ['ffn', 'ffnHiddenSize'],
  ['v', 'vocabSize'],
  ['pv', 'paddedVocabSize'],
  ['s', 'seqLength'],
  ['b', 'microBatchSize'],
  ['t', 'tensorParallel'],
  ['p', 'pipelineParallel'],
  ['E', 'numExperts'],
];

function walk(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

function expectedFormat(path: string): FormatId | undefined {
  const folder = basename(dirname(path)) as FormatId;
  if (!FORMAT_IDS.includes(folder)) return undefined;
  if (folder === 'megatron' && /flagscale/i.test(basename(path))) return 'flagscale';
  return folder === 'megatron' && /nemo/i.test(basename(path)) && /\.ya?ml$/.test(path) ? 'nemo' : folder;
}

function shapeLine(shape: ModelShape): string {
  const numbers = COLUMNS.map(([label, name]) => {
    const field = shape[name] as { value: number | null; origin: string };
    const mark = { invalid: '!', unknown: '?', unresolved: '?', file: '', catalogue: '@', default: '~', derived: '~' }[field.origin];
    return `${label}=${field.value ?? '-'}${mark}`;
  });
  return `${numbers.join(' ')} act=${shape.activation.value ?? '-'}${shape.gatedMlp ? '(gated)' : ''} flash=${shape.flashAttention.value ?? '-'}`;
}

function main(): number {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node --import tsx tools/corpus-sweep.ts <folder>');
    return 2;
  }
  const counts = { files: 0, read: 0, unrecognised: 0, crashed: 0, mismatched: 0, syntaxErrors: 0, findings: 0 };
  const byFormat = new Map<string, number>();
  for (const path of walk(folder)) {
    const name = relative(folder, path);
    counts.files++;
    try {
      const text = readFileSync(path, 'utf8');
      const result = check(text, path);
      const expected = expectedFormat(path);
      const format = result.reader?.id;
      const mismatch = expected !== undefined && format !== expected ? ` MISMATCH expected ${expected}` : '';
      if (mismatch) counts.mismatched++;
      if (!result.reader || !result.shape || !result.document) {
        counts.unrecognised++;
        console.log(`${name}\n  not a model config${mismatch}`);
        continue;
      }
      counts.read++;
      byFormat.set(format ?? '-', (byFormat.get(format ?? '-') ?? 0) + 1);
      counts.syntaxErrors += result.document.errors.length;
      counts.findings += result.findings.length;
      const shape = result.shape;
      const origins = NUMERIC_FIELDS.map((field) => shape[field].origin);
      const tally = (origin: string) => origins.filter((value) => value === origin).length;
      const rules = [...new Set(result.findings.map((finding) => finding.ruleId))].join(',');
      const model = shape.catalogueModel ? ` model=${shape.catalogueModel}` : '';
      console.log(`${name}\n  ${format}${mismatch} [${detectionEvidence(result.reader, text).join(' ')}]${model} | ${shapeLine(shape)}`);
      console.log(
        `  entries=${result.document.entries.length} syntax-errors=${result.document.errors.length} ` +
          `fields file=${tally('file')} default=${tally('default')} derived=${tally('derived')} catalogue=${tally('catalogue')} ` +
          `unresolved=${tally('unresolved')} unknown=${tally('unknown')} invalid=${tally('invalid')} ` +
          `findings=${result.findings.length}${rules ? ` (${rules})` : ''}`,
      );
    } catch (error) {
      counts.crashed++;
      console.log(`${name}\n  CRASH ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const formats = [...byFormat].map(([format, count]) => `${format}=${count}`).join(' ');
  console.log(
    `\nsummary: ${counts.files} files, ${counts.read} read (${formats}), ${counts.unrecognised} not configs, ` +
      `${counts.mismatched} format mismatches, ${counts.crashed} crashes, ${counts.syntaxErrors} syntax errors, ${counts.findings} findings`,
  );
  return counts.crashed > 0 ? 1 : 0;
}

process.exitCode = main();
