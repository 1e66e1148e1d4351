import type { ConfigDocument, Span } from './model/document';
import type { Finding, Severity, SeveritySetting } from './model/findings';
import { detectFormat, formatReader, type FormatReader } from './formats';
import { DEFAULT_GPU_ID, findGpu } from './perf/gpus';
import {
  DEFAULT_MICRO_BATCH_SIZE,
  DEFAULT_SEQUENCE_LENGTH,
  type CheckOptions,
  type ResolvedCheckOptions,
} from './model/options';
import { compareSpecs } from './perf';
import { changedSpec, layerSpecFromShape } from './perf/spec';
import { runForLaunch, runLaunchOf } from './perf/run/for-launch';
import type { RunLaunch, RunPrediction } from './perf/run';
import type { LayerSpec } from './model/prediction';
import { RULES } from './rules';
import type { FindingInput, Rule, RuleContext } from './rules/rule';
import { resolveLaunch } from './model/launch';
import type { Launch, ModelShape, NumberField } from './model/shape';
import { suppressedRules } from './suppression';
import { reparseScalarEdit } from './parse/scalar-edit';

export interface CheckResult {
  /** Null when the file is not a model config shapelint recognises. */
  reader: FormatReader | null;
  document: ConfigDocument | null;
  shape: ModelShape | null;
  spec: LayerSpec | null;
  /** What the prediction assumes about the launch, each choice with its origin; null without a shape. */
  launch: Launch | null;
  /** The whole run on its GPUs (memory per GPU, step time); null without a spec or when the launch cannot run (`runError` says why). */
  run: RunPrediction | null;
  runError: string | null;
  findings: Finding[];
  options: ResolvedCheckOptions;
}

export class UnknownGpuError extends Error {
  constructor(readonly gpuId: string) {
    super(`unknown GPU '${gpuId}' (see 'shapelint gpus')`);
  }
}

export function resolveOptions(options: CheckOptions = {}): ResolvedCheckOptions {
  const gpuId = options.gpu ?? DEFAULT_GPU_ID;
  const gpu = findGpu(gpuId);
  if (!gpu) throw new UnknownGpuError(gpuId);
  return {
    format: options.format,
    gpu,
    dtype: options.dtype ?? 'bf16',
    sequenceLength: options.sequenceLength ?? DEFAULT_SEQUENCE_LENGTH,
    microBatchSize: options.microBatchSize ?? DEFAULT_MICRO_BATCH_SIZE,
    tensorParallelSize: options.tensorParallelSize ?? 1,
    rules: options.rules ?? {},
    profile: options.profile,
    hubConfig: options.hubConfig,
    attention: options.attention,
    dropout: options.dropout,
    recompute: options.recompute,
    launch: options.launch ?? {},
    launchDefaults: options.launchDefaults ?? {},
    interNodeGbps: options.interNodeGbps ?? gpu.interNodeGbps,
    requested: options,
  };
}

/**
 * The longest text shapelint reads, in characters (bytes, for ASCII): 10 MiB. Real configs are
 * kilobytes; past this the YAML and TOML parsers cost seconds and gigabytes (docs/performance.md),
 * so a longer file gets one `not-read` finding saying so, in the editor and the CLI alike.
 */
export const MAX_CHECKED_LENGTH = 10 * 1024 * 1024;

/**
 * Reads a config (detecting its format unless one is forced), runs every enabled rule.
 * `previous`, the same file's check before an edit, lets an edit inside one value skip the full parse.
 */
export function check(text: string, fileName: string, options: CheckOptions | ResolvedCheckOptions = {}, previous?: Pick<CheckResult, 'reader' | 'document'>): CheckResult {
  const resolved = 'gpu' in options && typeof options.gpu === 'object' ? (options as ResolvedCheckOptions) : resolveOptions(options as CheckOptions);
  const reader = resolved.format ? formatReader(resolved.format) : detectFormat(fileName, text);
  if (!reader) return { reader: null, document: null, shape: null, spec: null, launch: null, run: null, runError: null, findings: [], options: resolved };
  const document = text.length > MAX_CHECKED_LENGTH ? unreadDocument(reader, text) : reparsed(reader, text, previous) ?? reader.parse(text);
  const shape = reader.read(document, { hubConfig: resolved.hubConfig });
  // The file's precision, where no flag or setting forced one, is the dtype every prediction uses.
  const launch = resolveLaunch(shape, resolved);
  const used = launch.dtype.value === resolved.dtype ? resolved : { ...resolved, dtype: launch.dtype.value };
  const predicted = predictShape(shape, used, launch);
  const findings = runRules(RULES, { text, document, shape, ...predicted, options: used });
  return { reader, document, shape, ...predicted, findings, options: used };
}

/** What a shape predicts under the options: the launch, the layer spec, the whole run (or why it cannot run). */
export function predictShape(shape: ModelShape, options: ResolvedCheckOptions, launch = resolveLaunch(shape, options)): Pick<CheckResult, 'spec' | 'run' | 'runError'> & { launch: Launch; runLaunch: RunLaunch } {
  const spec = layerSpecFromShape(shape, launch, options.gpu);
  const runLaunch = runLaunchOf(launch, options, shape);
  const { run, runError } = spec ? runForLaunch(spec, runLaunch, options) : { run: null, runError: null };
  return { launch, spec, runLaunch, run, runError };
}

function reparsed(reader: FormatReader, text: string, previous: Pick<CheckResult, 'reader' | 'document'> | undefined): ConfigDocument | undefined {
  if (previous?.reader !== reader || !previous.document) return undefined;
  return reparseScalarEdit(previous.document, text, (alone) => reader.parse(alone));
}

/** A document too long to read: no entries, and why. */
function unreadDocument(reader: FormatReader, text: string): ConfigDocument {
  const mib = (length: number) => `${(length / (1024 * 1024)).toFixed(1)} MB`;
  const message = `This file has ${text.length.toLocaleString('en-US')} characters (${mib(text.length)}); shapelint reads files of up to ${MAX_CHECKED_LENGTH.toLocaleString('en-US')} (${mib(MAX_CHECKED_LENGTH)}), so nothing in it is checked.`;
  return { ...reader.parse(''), text, notRead: [{ span: { offset: 0, length: 0 }, message }] };
}

interface RunInput {
  text: string;
  document: ConfigDocument;
  shape: ModelShape;
  spec: LayerSpec | null;
  run: RunPrediction | null;
  runLaunch?: RunLaunch;
  /** The launch the fix estimates assume (the kernel chosen again for a changed head dim); absent in rule tests. */
  launch?: Launch;
  options: ResolvedCheckOptions;
}

export function runRules(rules: readonly Rule[], input: RunInput): Finding[] {
  const { text, document, shape, spec, run, runLaunch, launch, options } = input;
  const suppressed = suppressedRules(text);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting: SeveritySetting = options.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    const overridden = options.rules[rule.id] !== undefined;
    const report = (input: FindingInput): void => {
      if (suppressed(rule.id, input.span.offset)) return;
      const severity: Severity = overridden ? (setting as Severity) : (input.severity ?? rule.defaultSeverity);
      findings.push({
        ruleId: rule.id,
        severity,
        message: input.message,
        span: input.span,
        related: input.related ?? [],
        fixes: input.fixes ?? [],
      });
    };
    const context: RuleContext = {
      shape,
      text,
      syntaxErrors: document.errors,
      notRead: document.notRead ?? [],
      options,
      launch: launch ?? resolveLaunch(shape, options),
      spec,
      run,
      runLaunch,
      rerun: (change) => (spec && runLaunch ? runForLaunch({ ...spec, ...change.spec }, { ...runLaunch, ...change.launch }, options).run : null),
      estimate: (change) =>
        spec ? compareSpecs(spec, changedSpec(spec, change, launch, options.gpu), options.gpu, { dtype: options.dtype, backward: false, profile: options.profile }) : undefined,
      anchor: (...fields) => anchorOf(fields),
      report,
    };
    rule.check(context);
  }
  return findings.sort((a, b) => a.span.offset - b.span.offset || a.ruleId.localeCompare(b.ruleId));
}

/** A literal shared with other keys is not what a person edits for this one: the reference at the key is. */
function anchorOf(fields: NumberField[]): Span {
  for (const field of fields) if (field.valueSpan) return field.literalUses && field.reference ? field.reference : field.valueSpan;
  for (const field of fields) if (field.usedAt) return field.usedAt;
  for (const field of fields) if (field.keySpan) return field.keySpan;
  return { offset: 0, length: 0 };
}
