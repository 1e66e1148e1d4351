import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check as checkText, resolveOptions, UnknownGpuError, type CheckResult } from '../core/check';
import type { Span } from '../core/model/document';
import type { Finding, SeveritySetting } from '../core/model/findings';
import { applyFixes, safeFixes } from '../core/rules/fixes';
import { detectFormat, detectionEvidence, FORMAT_READERS, refusal, type Refusal } from '../core/formats';
import { SNIFF_CHARS } from '../core/formats/sniff';
import type { ResolvedCheckOptions } from '../core/model/options';
import { localHubConfig } from '../lsp/hf-cache';
import { predictForShape } from '../core/perf';
import { findRule, RULES } from '../core/rules';
import { FORMAT_IDS, shapeValues, type FormatId } from '../core/model/shape';
import { EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, VERSION, type CliCommand, type CliIO } from './io';
import { dtypeOption, LAUNCH_HELP, LAUNCH_OPTIONS, launchChoices, positiveInteger } from './perf-args';
import { launchAssumptions } from '../core/perf/assumptions';
import { launchOptionsFromFlags, RUN_LAUNCH_HELP, RUN_LAUNCH_OPTIONS } from './run-args';
import { toGithubAnnotations } from './github';
import { toSarif } from './sarif';

const HELP = `usage: shapelint check <files or folders...> [--format text|json|sarif|github] [--gpu ID] [--fix]
                       [--rule id=severity]... [--config-format ${FORMAT_IDS.join('|')}]
                       [--dtype bf16|fp16|fp8] [--seq S] [--micro-batch B] [--tp T]
                       [--attention flash|unfused] [--dropout P] [--recompute none|selective|full]
                       [--gpus N] [--pp P] [--cp C] [--ep E] [--vp V] [--global-batch G] [--sequence-parallel]
                       [--zero 0|1|2|3 | --fsdp | --distributed-optimizer] [--gpus-per-node G] [--inter-node-gbps BW]

Checks model configs against the alignment rules of "The Case for Co-Designing Model
Architectures with Hardware". Folders are walked (node_modules and .git skipped) for files that
some format recognises; a link that leads outside the folder is skipped, and named on stderr, as is a
file over 8 MiB that reads as a config. Text output is one line per finding: path:line:col severity message [rule].

  --format FORMAT        text (default), json (0-based LSP ranges), sarif (2.1.0), or github (Actions annotations)
  --gpu ID               the GPU to check for (see 'shapelint gpus'); default h100-sxm
  --fix                  apply the safe fixes (a padding divisor the framework pads to) in place, then report what is left
  --rule id=severity     error, warning, information, hint or off; repeatable
  --config-format FORMAT read every file as this format instead of detecting it
  --dtype bf16|fp16|fp8  the precision to predict for where a file does not say (--bf16, NeoX precision,
                         NeMo trainer.precision); default bf16
  --seq S, --micro-batch B, --tp T
                         what the launch uses where a file does not say (default 2048, 4, 1); an HF
                         config.json never says, and predictions and the micro-batch, tokens-per-batch
                         and tensor-parallel rules depend on them
${LAUNCH_HELP}
The run (the memory rule, the code lens's tokens/s and MFU): each flag forces its choice over the file.
${RUN_LAUNCH_HELP}
  (--format json prints each file's launch assumptions, with their origin and source)

Exit status: 0 no errors (warnings allowed), 1 an error was found, 2 bad usage or an unreadable path,
3 an internal error (a file shapelint could not finish checking; the others are still reported).
Rules: ${RULES.map((rule) => rule.id).join(', ')}.
`;

const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** Folders are walked for configs; anything bigger than this is not one (checkpoints, datasets). */
const LARGEST_WALKED_FILE = 8 * 1024 * 1024;
/** Fix, re-check, repeat: one fix can unblock another (an overlapping one skipped the first time). */
const FIX_PASSES = 4;

interface Candidate {
  absolute: string;
  /** Relative to the working directory, with forward slashes. */
  path: string;
  /** Named on the command line (not found by walking a folder). */
  explicit: boolean;
  /** The real path of the folder it was found in: `--fix` never writes outside it. */
  root?: string;
}

interface FileReport {
  path: string;
  text: string;
  result: CheckResult;
}

/** A file shapelint failed on: reported as such, and the run goes on with the other files. */
interface FileFailure {
  path: string;
  error: string;
}

export const check: CliCommand = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      gpu: { type: 'string' },
      fix: { type: 'boolean' },
      rule: { type: 'string', multiple: true },
      'config-format': { type: 'string' },
      dtype: { type: 'string' },
      seq: { type: 'string' },
      'micro-batch': { type: 'string' },
      tp: { type: 'string' },
      ...LAUNCH_OPTIONS,
      ...RUN_LAUNCH_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError('give at least one file or folder to check');
  const output = outputFormat(values.format);
  const options = checkOptions(values);

  let unreadable = false;
  const reports: FileReport[] = [];
  const failures: FileFailure[] = [];
  const refused: RefusedFile[] = [];
  const candidates: Candidate[] = [];
  for (const given of positionals) {
    const found = collect(given, io);
    if (found === null) {
      io.stderr(`shapelint: cannot read '${given}'\n`);
      unreadable = true;
    } else {
      // One at a time: spreading 130,000 files into push's arguments overflows the stack.
      for (const file of found) candidates.push(file);
    }
  }
  for (const candidate of candidates) {
    let text: string;
    try {
      text = readFileSync(candidate.absolute, 'utf8');
    } catch (error) {
      io.stderr(`shapelint: cannot read '${candidate.path}': ${error instanceof Error ? error.message : String(error)}\n`);
      unreadable = true;
      continue;
    }
    try {
      const checked = checkCandidate(text, candidate, options, values.fix === true, io);
      if (checked === 'unwritable') unreadable = true;
      else if (checked) reports.push(checked);
      else if (candidate.explicit) {
        const lookAlike = refusal(candidate.absolute, text);
        if (lookAlike) refused.push({ path: candidate.path, ...lookAlike });
      }
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      io.stderr(`${candidate.path}: internal error, file not checked: ${message}\n`);
      failures.push({ path: candidate.path, error: message });
    }
  }

  if (output === 'json') io.stdout(`${JSON.stringify(jsonReport(reports, failures, refused), null, 2)}\n`);
  else if (output === 'sarif') io.stdout(`${JSON.stringify(toSarif(reports.map(({ path, text, result }) => ({ path, text, findings: result.findings })), VERSION), null, 2)}\n`);
  else if (output === 'github') io.stdout(toGithubAnnotations(reports.map(({ path, text, result }) => ({ path, text, findings: result.findings }))));
  else io.stdout(reports.map(textReport).join(''));

  if (output === 'text') io.stderr(summary(reports));
  if (failures.length > 0) return EXIT_INTERNAL;
  if (unreadable) return EXIT_USAGE;
  return reports.some((report) => report.result.findings.some((finding) => finding.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
};

/** One file: detect, check, and with --fix apply the safe fixes. Null when it is not a config. */
function checkCandidate(original: string, candidate: Candidate, options: ResolvedCheckOptions, fix: boolean, io: CliIO): FileReport | null | 'unwritable' {
  let text = original;
  if (!candidate.explicit && !options.format && !detectFormat(candidate.absolute, text)) return null;
  let result = checkText(text, candidate.absolute, options);
  if (!result.reader) {
    if (candidate.explicit) {
      const lookAlike = refusal(candidate.absolute, text);
      const what = lookAlike ? `: it is ${lookAlike.lookAlike}, told by ${lookAlike.formatEvidence.join(', ')}` : '';
      io.stderr(
        `${candidate.path}: not a model config shapelint recognises${what} (formats: ${FORMAT_READERS.map((reader) => reader.id).join(', ') || 'none'}); use --config-format to force one\n`,
      );
    }
    return null;
  }
  if (fix) {
    const fixed = fixFile(text, candidate, options);
    if (fixed.applied > 0) {
      if (candidate.root !== undefined && !resolvesInside(candidate.absolute, candidate.root)) {
        io.stderr(`shapelint: not writing '${candidate.path}': it resolves outside the folder being checked\n`);
        return 'unwritable';
      }
      try {
        writeFileSync(candidate.absolute, fixed.text, 'utf8');
      } catch (error) {
        io.stderr(`shapelint: cannot write '${candidate.path}': ${error instanceof Error ? error.message : String(error)}\n`);
        return 'unwritable';
      }
      io.stderr(`${candidate.path}: applied ${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'}\n`);
      text = fixed.text;
      result = fixed.result;
    }
  }
  return { path: candidate.path, text, result };
}

function outputFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'text';
  const known = OUTPUT_FORMATS.find((format) => format === value);
  if (known) return known;
  throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, got '${value}'`);
}

type CheckFlags = Parameters<typeof launchOptionsFromFlags>[0] & {
  gpu?: string;
  dtype?: string;
  'config-format'?: string;
  rule?: string[];
  seq?: string;
  'micro-batch'?: string;
  tp?: string;
  attention?: string;
  dropout?: string;
  recompute?: string;
};

function checkOptions(flags: CheckFlags): ResolvedCheckOptions {
  const configFormat = flags['config-format'];
  if (configFormat !== undefined && !FORMAT_IDS.includes(configFormat as FormatId)) {
    throw new UsageError(`--config-format must be one of ${FORMAT_IDS.join(', ')}, got '${configFormat}'`);
  }
  const rules: Record<string, SeveritySetting> = {};
  for (const setting of flags.rule ?? []) {
    const match = /^([a-z][a-z0-9-]*)=([a-z]+)$/.exec(setting.trim());
    if (!match) throw new UsageError(`--rule takes id=severity, got '${setting}'`);
    const [, id, severity] = match;
    if (!findRule(id)) throw new UsageError(`unknown rule '${id}' (rules: ${RULES.map((rule) => rule.id).join(', ')})`);
    if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITY_SETTINGS.join(', ')}, got '${severity}'`);
    rules[id] = severity as SeveritySetting;
  }
  try {
    return resolveOptions({
      gpu: flags.gpu,
      dtype: dtypeOption(flags.dtype),
      format: configFormat as FormatId | undefined,
      rules,
      sequenceLength: positiveInteger(flags.seq, '--seq'),
      microBatchSize: positiveInteger(flags['micro-batch'], '--micro-batch'),
      tensorParallelSize: positiveInteger(flags.tp, '--tp'),
      // Models the catalogue lacks are looked up in the local Hugging Face cache (never the network).
      hubConfig: localHubConfig(),
      ...launchChoices(flags),
      ...launchOptionsFromFlags(flags),
    });
  } catch (error) {
    if (error instanceof UnknownGpuError) throw new UsageError(error.message);
    throw error;
  }
}

/** The files a command-line argument names: itself, or what a folder holds. Null when it cannot be read. */
function collect(given: string, io: CliIO): Candidate[] | null {
  const absolute = resolve(io.cwd, given);
  try {
    const stats = statSync(absolute);
    if (stats.isFile()) return [{ absolute, path: displayPath(absolute, io.cwd), explicit: true }];
    if (!stats.isDirectory()) return null;
    const root = realpathSync(absolute);
    const found: Candidate[] = [];
    const outside = (path: string, target: string) => io.stderr(`shapelint: skipped '${displayPath(path, io.cwd)}': a link to '${target}', outside '${given}'\n`);
    const tooLarge = (path: string, bytes: number) => {
      const reader = detectFormat(path, fileHead(path));
      if (reader) io.stderr(`shapelint: skipped '${displayPath(path, io.cwd)}': ${(bytes / 2 ** 20).toFixed(1)} MiB, more than the ${LARGEST_WALKED_FILE / 2 ** 20} MiB a file found in a folder may be, though it reads as a ${reader.label} (name the file to check it)\n`);
    };
    walk(absolute, { root, seen: new Set(), outside, tooLarge }, (path) => found.push({ absolute: path, path: displayPath(path, io.cwd), explicit: false, root }));
    return found;
  } catch {
    return null;
  }
}

interface Walk {
  /** The real path of the folder named on the command line. */
  root: string;
  /** Real paths of the folders walked already (a link loop ends there). */
  seen: Set<string>;
  /** Called for a link that leads out of the root: never followed, so `--fix` never writes outside the folder. */
  outside: (path: string, target: string) => void;
  /** Called for a file over LARGEST_WALKED_FILE: most are checkpoints or datasets, said only when it looks like a config. */
  tooLarge: (path: string, bytes: number) => void;
}

function walk(folder: string, state: Walk, visit: (path: string) => void): void {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    return;
  }
  if (state.seen.has(real)) return;
  state.seen.add(real);
  let entries: string[];
  try {
    entries = readdirSync(folder).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(folder, name);
    try {
      if (lstatSync(path).isSymbolicLink()) {
        const target = realpathSync(path);
        if (!isInside(target, state.root)) {
          state.outside(path, target);
          continue;
        }
      }
      const stats = statSync(path);
      if (stats.isDirectory() && !SKIPPED_FOLDERS.has(name)) walk(path, state, visit);
      else if (stats.isFile() && stats.size <= LARGEST_WALKED_FILE) visit(path);
      else if (stats.isFile()) state.tooLarge(path, stats.size);
    } catch {
      // A dangling link or a file that vanished: not a config to check.
    }
  }
}

/** The first SNIFF_CHARS bytes, as text: what format detection looks at. */
function fileHead(path: string): string {
  const descriptor = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_CHARS);
    return head.toString('utf8', 0, readSync(descriptor, head, 0, SNIFF_CHARS, 0));
  } finally {
    closeSync(descriptor);
  }
}

/** Whether a real path is the root or under it. */
function isInside(real: string, root: string): boolean {
  const rel = relative(root, real);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Whether a path, its links followed, is still under the root (checked again just before writing). */
function resolvesInside(path: string, root: string): boolean {
  try {
    return isInside(realpathSync(path), root);
  } catch {
    return false;
  }
}

function displayPath(absolute: string, cwd: string): string {
  const path = relative(cwd, absolute) || absolute;
  return sep === '/' ? path : path.split(sep).join('/');
}

function fixFile(text: string, candidate: Candidate, options: ResolvedCheckOptions): { text: string; result: CheckResult; applied: number } {
  let current = text;
  let result = checkText(current, candidate.absolute, options);
  let applied = 0;
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    const fixes = safeFixes(result.findings);
    if (fixes.length === 0) break;
    const next = applyFixes(current, fixes);
    if (next === current) break;
    applied += fixes.length;
    current = next;
    result = checkText(current, candidate.absolute, options);
  }
  return { text: current, result, applied };
}

function textReport({ path, text, result }: FileReport): string {
  const document = TextDocument.create(path, 'plaintext', 0, text);
  return result.findings
    .map((finding) => {
      const start = document.positionAt(finding.span.offset);
      return `${path}:${start.line + 1}:${start.character + 1} ${finding.severity} ${finding.message} [${finding.ruleId}]\n`;
    })
    .join('');
}

function summary(reports: FileReport[]): string {
  const findings = reports.flatMap((report) => report.result.findings);
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const files = counted(reports.length, 'file');
  if (findings.length === 0) return `shapelint: no problems in ${files}\n`;
  return `shapelint: ${counted(count('error'), 'error')}, ${counted(count('warning'), 'warning')}, ${counted(count('information') + count('hint'), 'note')} in ${files}\n`;
}

/** A file given by name that looks like a supported format but is another framework's, with the keys that say so. */
type RefusedFile = Refusal & { path: string };

function jsonReport(reports: FileReport[], failures: FileFailure[], refused: RefusedFile[]) {
  return {
    ...(failures.length > 0 ? { failures } : {}),
    ...(refused.length > 0 ? { refused } : {}),
    files: reports.map(({ path, text, result }) => {
      const document = TextDocument.create(path, 'plaintext', 0, text);
      const range = (span: Span) => ({ start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) });
      return {
        path,
        format: result.reader?.id ?? null,
        // Why it was read so: the format's telling keys that the file has.
        formatEvidence: result.reader ? detectionEvidence(result.reader, text) : [],
        model: result.shape?.catalogueModel ?? null,
        loadsCheckpoint: result.shape?.loadsCheckpoint ?? null,
        memoryNotModelled: result.shape?.memoryNotModelled ?? null,
        shape: result.shape ? shapeValues(result.shape) : null,
        diagnostics: result.findings.map((finding) => ({
          rule: finding.ruleId,
          severity: finding.severity,
          message: finding.message,
          range: range(finding.span),
          related: finding.related.map((related) => ({ range: range(related.span), message: related.message })),
          fixes: finding.fixes.map((fix) => ({
            title: fix.title,
            isPreferred: fix.isPreferred,
            safe: fix.safe,
            edits: fix.edits.map((edit) => ({ range: range(edit), newText: edit.newText })),
            ...(fix.estimate ? { estimate: fix.estimate } : {}),
          })),
        })),
        assumptions: result.launch && result.spec ? launchAssumptions(result.launch, result.options.gpu, result.spec.headDim) : null,
        prediction: predictForShape(result),
      };
    }),
  };
}
