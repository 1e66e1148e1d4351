/** The pure core: no vscode, no LSP connection. Every front end (CLI, server, tests) calls this. */
export { check, resolveOptions, runRules, UnknownGpuError, type CheckResult } from './check';
export type { CheckOptions, ResolvedCheckOptions } from './options';
export type { ConfigDocument, ConfigEntry, Span } from './document';
export type { Finding, Fix, FixEstimate, Severity, SeveritySetting, TextEdit } from './findings';
export { FORMAT_READERS, detectFormat, formatReader } from './formats';
export { GPUS, findGpu, DEFAULT_GPU_ID, type GpuSpec } from './gpus';
export { RULES, findRule } from './rules';
export { shapeValues, type FormatId, type ModelShape } from './shape';
