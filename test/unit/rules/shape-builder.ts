/**
 * Builds a ModelShape from a tiny `key: value` text, with real spans, so rule tests need no
 * format reader. Each line `key: value  # comment` maps key → field (see KEYS); each value is
 * judged as every reader judges it (`fieldFromEntry`: strings, negatives, fractions and absurd
 * sizes become invalid fields). Derived fields follow the usual framework rules:
 * head dim h/a, kv heads = heads, MLP 4h, padded vocab = vocab rounded up to divisor·TP.
 */
import { predictShape, runRules } from '../../../server/src/core/check';
import { resolveOptions } from '../../../server/src/core/check';
import type { Span } from '../../../server/src/core/model/document';
import type { Finding, FixEstimate } from '../../../server/src/core/model/findings';
import type { CheckOptions } from '../../../server/src/core/model/options';
import { fieldFromEntry } from '../../../server/src/core/formats/fields';
import { layerSpecFromShape } from '../../../server/src/core/perf/spec';
import { resolveLaunch } from '../../../server/src/core/model/launch';
import type { Dtype } from '../../../server/src/core/model/prediction';
import type { LayerSpec } from '../../../server/src/core/model/prediction';
import { RULES } from '../../../server/src/core/rules';
import type { FindingInput, Rule, RuleContext } from '../../../server/src/core/rules/rule';
import {
  NUMERIC_FIELDS,
  defaultField,
  derivedField,
  roundUpToMultiple,
  unknownField,
  type AttentionImplementation,
  type FormatId,
  type ModelShape,
  type RecomputeMode,
  type Sharding,
  type NumberField,
  type NumericFieldName,
} from '../../../server/src/core/model/shape';

const KEYS: Record<string, NumericFieldName> = {
  hidden_size: 'hiddenSize',
  num_layers: 'numLayers',
  num_attention_heads: 'numHeads',
  num_kv_heads: 'numKvHeads',
  head_dim: 'headDim',
  ffn_hidden_size: 'ffnHiddenSize',
  vocab_size: 'vocabSize',
  padded_vocab_size: 'paddedVocabSize',
  vocab_divisor: 'vocabDivisor',
  seq_length: 'seqLength',
  micro_batch_size: 'microBatchSize',
  tensor_parallel: 'tensorParallel',
  pipeline_parallel: 'pipelineParallel',
  num_experts: 'numExperts',
  experts_per_token: 'expertsPerToken',
};

export interface ShapeOptions {
  format?: FormatId;
  gatedMlp?: boolean;
  kvHeadsMayDivideTensorParallel?: boolean;
  /** A framework default divisor for vocab padding (NeoX/Megatron 128) when the text sets none. */
  defaultVocabDivisor?: number;
  /** Literal transforms, e.g. NeoX gated MLPs: literal = 3/2 of the effective width. */
  toLiteral?: Partial<Record<NumericFieldName, (effective: number) => number>>;
}

const LINE = /^[ \t]*([A-Za-z_][\w-]*)[ \t]*:[ \t]*(["']?)([^"'#\r\n,]*?)\2[ \t]*,?[ \t]*(?:#.*)?$/gm;

export function buildShape(text: string, options: ShapeOptions = {}): ModelShape {
  const fields = new Map<NumericFieldName, NumberField>();
  let activation: string | null = null;
  for (const match of text.matchAll(LINE)) {
    const [, key, quote, raw] = match;
    if (key === 'activation') activation = raw;
    const name = KEYS[key];
    if (!name) continue;
    const lineStart = match.index ?? 0;
    const keySpan: Span = { offset: lineStart + match[0].indexOf(key), length: key.length };
    const literalText = `${quote}${raw}${quote}`;
    const valueSpan: Span = { offset: lineStart + match[0].indexOf(literalText, match[0].indexOf(':')), length: literalText.length };
    const field = fieldFromEntry({ path: [key], keySpan, valueSpan, value: raw }, name, true);
    const toLiteral = options.toLiteral?.[name];
    fields.set(name, toLiteral && field.value !== null ? { ...field, toLiteral, written: field.value } : field);
  }
  const get = (name: NumericFieldName): NumberField => fields.get(name) ?? unknownField<number>();
  const value = (name: NumericFieldName): number | null => get(name).value;

  const h = value('hiddenSize');
  const a = value('numHeads');
  if (!fields.has('headDim') && h !== null && a !== null && a > 0) {
    fields.set('headDim', derivedField(Number.isInteger(h / a) ? h / a : null, 'h / a'));
  }
  if (!fields.has('numKvHeads') && a !== null) fields.set('numKvHeads', defaultField(a, 'kv heads = heads'));
  if (!fields.has('ffnHiddenSize') && h !== null) fields.set('ffnHiddenSize', derivedField(4 * h, '4h'));
  // Training frameworks default to no parallelism; an HF config does not say, so the user's settings apply.
  if (!fields.has('tensorParallel') && options.format !== 'hf') fields.set('tensorParallel', defaultField(1, 'no tensor parallelism'));
  if (!fields.has('pipelineParallel') && options.format !== 'hf') fields.set('pipelineParallel', defaultField(1, 'no pipeline parallelism'));
  if (!fields.has('vocabDivisor') && options.defaultVocabDivisor) fields.set('vocabDivisor', defaultField(options.defaultVocabDivisor, 'framework default'));
  const divisor = value('vocabDivisor');
  const vocab = value('vocabSize');
  if (!fields.has('paddedVocabSize') && divisor !== null && divisor > 0 && vocab !== null) {
    fields.set('paddedVocabSize', derivedField(roundUpToMultiple(vocab, divisor * (value('tensorParallel') ?? 1)), 'padded'));
  }

  const shape = {
    format: options.format ?? 'neox',
    activation: activation === null ? unknownField<string>() : { value: activation, origin: 'file' as const },
    gatedMlp: options.gatedMlp ?? (activation !== null && /glu/.test(activation)),
    // The paper's setting (and GPT-NeoX's default): the unfused attention, so fix estimates match its figures.
    attentionKernel: defaultField<AttentionImplementation>('unfused', 'unfused attention, as the paper measured'),
    recompute: unknownField<RecomputeMode>(),
    sequenceParallel: unknownField<boolean>(),
    sharding: unknownField<Sharding>(),
    dtype: unknownField<Dtype>(),
    kvHeadsMayDivideTensorParallel: options.kvHeadsMayDivideTensorParallel ?? false,
    attentionDropout: unknownField<number>(),
    hiddenDropout: unknownField<number>(),
  } as ModelShape;
  for (const name of NUMERIC_FIELDS) shape[name] = get(name);
  return shape;
}

export interface LintOptions extends ShapeOptions {
  check?: CheckOptions;
  rules?: readonly Rule[];
  syntaxErrors?: { span: Span; message: string }[];
}

/** Runs the registered rules (or the given ones) through the real runner: severities, suppression comments. */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  const shape = buildShape(text, options);
  const resolved = resolveOptions(options.check);
  return runRules(options.rules ?? RULES, {
    text,
    document: { syntax: 'yaml', text, entries: [], errors: options.syntaxErrors ?? [] },
    shape,
    ...predictShape(shape, resolved),
    options: resolved,
  });
}

/** Runs one rule with a stubbed throughput model, for ranking and threshold tests. */
export function lintWithEstimate(rule: Rule, text: string, estimate: (change: Partial<LayerSpec>, spec: LayerSpec) => FixEstimate, options: ShapeOptions = {}): FindingInput[] {
  const shape = buildShape(text, options);
  const resolved = resolveOptions();
  const launch = resolveLaunch(shape, resolved);
  const spec = layerSpecFromShape(shape, launch, resolved.gpu);
  const reported: FindingInput[] = [];
  const context: RuleContext = {
    shape,
    text,
    syntaxErrors: [],
    notRead: [],
    options: resolved,
    launch,
    spec,
    run: null,
    rerun: () => null,
    estimate: (change) => (spec ? estimate(change, spec) : undefined),
    anchor: (...fields) => fields.find((field) => field.valueSpan)?.valueSpan ?? { offset: 0, length: 0 },
    report: (finding) => reported.push(finding),
  };
  rule.check(context);
  return reported;
}

export function byRule(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId);
}

/** The span of the n-th (0-based) occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string, occurrence = 0): Span {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`'${needle}' not found ${occurrence + 1} times`);
  }
  return { offset, length: needle.length };
}

/** The span of the value on the line of `key`. */
export function valueSpanOf(text: string, key: string): Span {
  const field = Object.values(buildShape(text)).find((f): f is NumberField => typeof f === 'object' && f !== null && 'key' in f && f.key === key);
  if (!field?.valueSpan) throw new Error(`no value for ${key}`);
  return field.valueSpan;
}
