import type { SeveritySetting } from '../core/model/findings';
import { ATTENTION_OVERRIDES, type AttentionOverride, type CheckOptions, type LaunchOverrides } from '../core/model/options';
import type { Dtype } from '../core/model/prediction';
import { FORMAT_IDS, RECOMPUTE_MODES, type FormatId, type RecomputeMode } from '../core/model/shape';
import { DEFAULT_SETTINGS, type ShapelintSettings } from '../protocol';
import { compileGlob, type Glob } from './glob';

const DTYPES: readonly Dtype[] = ['bf16', 'fp16', 'fp8'];
const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The launch settings (a positive integer, or null for none) and the run size each fills in where the file is silent. */
const LAUNCH_SETTINGS = {
  gpus: 'gpus',
  gpusPerNode: 'gpusPerNode',
  pipelineParallelSize: 'pipelineParallel',
} as const satisfies Partial<Record<keyof ShapelintSettings, keyof LaunchOverrides>>;

type LaunchSetting = keyof typeof LAUNCH_SETTINGS;
const LAUNCH_SETTING_KEYS = Object.keys(LAUNCH_SETTINGS) as LaunchSetting[];

/**
 * Settings as the user wrote them (anything at all) made whole: each invalid or missing value
 * falls back to its default, so a typo in settings.json never stops the checks.
 */
export function normalizeSettings(raw: unknown): ShapelintSettings {
  const input = isRecord(raw) ? raw : {};
  const inlayHints = isRecord(input.inlayHints) ? input.inlayHints : {};
  return {
    gpu: typeof input.gpu === 'string' && input.gpu.trim() !== '' ? input.gpu : DEFAULT_SETTINGS.gpu,
    dtype: DTYPES.includes(input.dtype as Dtype) ? (input.dtype as Dtype) : DEFAULT_SETTINGS.dtype,
    microBatchSize: positiveInteger(input.microBatchSize) ?? DEFAULT_SETTINGS.microBatchSize,
    sequenceLength: positiveInteger(input.sequenceLength) ?? DEFAULT_SETTINGS.sequenceLength,
    tensorParallelSize: positiveInteger(input.tensorParallelSize) ?? DEFAULT_SETTINGS.tensorParallelSize,
    rules: filterRecord(input.rules, (value): value is SeveritySetting => SEVERITY_SETTINGS.includes(value as SeveritySetting)),
    inlayHints: { enabled: typeof inlayHints.enabled === 'boolean' ? inlayHints.enabled : DEFAULT_SETTINGS.inlayHints.enabled },
    gpuProfile: typeof input.gpuProfile === 'string' ? input.gpuProfile.trim() : DEFAULT_SETTINGS.gpuProfile,
    associations: Object.fromEntries(
      Object.entries(filterRecord(input.associations, (value): value is FormatId => FORMAT_IDS.includes(value as FormatId))).filter(([glob]) => globProblem(glob) === undefined),
    ),
    attention: (ATTENTION_OVERRIDES as readonly unknown[]).includes(input.attention) ? (input.attention as AttentionOverride) : DEFAULT_SETTINGS.attention,
    dropout: typeof input.dropout === 'number' && input.dropout >= 0 && input.dropout < 1 ? input.dropout : DEFAULT_SETTINGS.dropout,
    recompute: (RECOMPUTE_MODES as readonly unknown[]).includes(input.recompute) ? (input.recompute as RecomputeMode) : DEFAULT_SETTINGS.recompute,
    ...launchSettings(input),
  };
}

/**
 * What is wrong in the settings as written, one line per problem, for the user to see once: each
 * bad value is left out (or falls back to its default) and the rest still apply.
 */
export function settingsProblems(raw: unknown): string[] {
  const input = isRecord(raw) ? raw : {};
  const problems: string[] = [];
  if (isRecord(input.associations)) {
    for (const [glob, format] of Object.entries(input.associations)) {
      const problem = globProblem(glob);
      if (problem) problems.push(`shapelint.associations: the pattern '${glob}' ${problem}; it is ignored.`);
      else if (!FORMAT_IDS.includes(format as FormatId)) problems.push(`shapelint.associations: '${String(format)}' is not a format (${FORMAT_IDS.join(', ')}); '${glob}' is ignored.`);
    }
  }
  for (const name of LAUNCH_SETTING_KEYS) {
    const value = input[name];
    if (value !== undefined && value !== null && positiveInteger(value) === undefined) {
      problems.push(`shapelint.${name}: ${JSON.stringify(value)} is not a positive whole number; the file's value (else shapelint's default) is used.`);
    }
  }
  return problems;
}

function launchSettings(input: Record<string, unknown>): Pick<ShapelintSettings, LaunchSetting> {
  return Object.fromEntries(LAUNCH_SETTING_KEYS.map((name) => [name, positiveInteger(input[name]) ?? DEFAULT_SETTINGS[name]])) as Pick<ShapelintSettings, LaunchSetting>;
}

/** The run sizes the launch settings fill in; empty when none is set. */
function launchDefaults(settings: ShapelintSettings): LaunchOverrides {
  const overrides: LaunchOverrides = {};
  for (const name of LAUNCH_SETTING_KEYS) {
    const value = settings[name];
    if (value !== null) overrides[LAUNCH_SETTINGS[name]] = value;
  }
  return overrides;
}

function globProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function checkOptions(settings: ShapelintSettings, format: FormatId | undefined): CheckOptions {
  const launch = launchDefaults(settings);
  return {
    format,
    gpu: settings.gpu,
    dtype: settings.dtype,
    microBatchSize: settings.microBatchSize,
    sequenceLength: settings.sequenceLength,
    tensorParallelSize: settings.tensorParallelSize,
    rules: settings.rules,
    ...(settings.attention !== 'auto' ? { attention: settings.attention } : {}),
    ...(settings.dropout !== null ? { dropout: settings.dropout } : {}),
    ...(settings.recompute !== 'auto' ? { recompute: settings.recompute } : {}),
    ...(Object.keys(launch).length > 0 ? { launchDefaults: launch } : {}),
  };
}

/**
 * The format an association forces on a file, as `files.associations` does: a pattern
 * without a slash matches the file name, one with a slash the whole path.
 */
export function associatedFormat(associations: Record<string, FormatId>, filePath: string): FormatId | undefined {
  const path = filePath.replace(/\\/g, '/');
  const baseName = path.slice(path.lastIndexOf('/') + 1);
  for (const [pattern, format] of Object.entries(associations)) {
    let glob: Glob;
    try {
      glob = compileGlob(pattern);
    } catch {
      continue; // reported once by settingsProblems
    }
    if (glob.test(pattern.includes('/') ? path : baseName)) return format;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function filterRecord<T>(value: unknown, keep: (item: unknown) => item is T): Record<string, T> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, T] => keep(entry[1])));
}
