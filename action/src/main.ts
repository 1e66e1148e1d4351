/**
 * The GitHub Action (action.yml, `uses: shapelint/shapelint@v0`): `shapelint check` with the
 * inputs GitHub hands a Node action as INPUT_* environment variables. Bundled with the check into
 * action/main.js, which is committed: the action runs the CLI of the ref it is used at, and
 * downloads nothing.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { check } from '../../server/src/cli/check';
import { EXIT_INTERNAL, EXIT_USAGE, isUsageError, UsageError, VERSION, type CliIO } from '../../server/src/cli/io';

/** The input as GitHub sets it: INPUT_ and the name in upper case, spaces as underscores, trimmed. */
function input(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A workflow command's message: `%`, CR and LF escaped, as @actions/core escapes them. */
function commandMessage(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The `shapelint check` arguments the inputs ask for. */
function checkArguments(inputs: { path: string; gpu: string; format: string; rules: string }): string[] {
  const paths = inputs.path.split(/\s+/).filter(Boolean);
  const rules = inputs.rules.split(/[\s,]+/).filter(Boolean);
  if (!['github', 'sarif'].includes(inputs.format)) throw new UsageError(`format '${inputs.format}' is not github or sarif`);
  return [
    ...(paths.length > 0 ? paths : ['.']),
    '--format',
    inputs.format,
    ...(inputs.gpu ? ['--gpu', inputs.gpu] : []),
    ...rules.flatMap((rule) => ['--rule', rule]),
  ];
}

async function runAction(): Promise<number> {
  const expected = input('version');
  if (expected && expected.replace(/^v/, '') !== VERSION) {
    process.stdout.write(`::error title=shapelint::${commandMessage(`this ref carries shapelint ${VERSION}, not ${expected}: use the action at the ref of the version you want (uses: shapelint/shapelint@v${expected.replace(/^v/, '')})`)}\n`);
    return EXIT_USAGE;
  }
  const format = input('format') || 'github';
  const sarifFile = input('sarif-file') || 'shapelint.sarif';
  const sarif: string[] = [];
  const io: CliIO = {
    // Annotations are workflow commands on stdout; SARIF goes to its file.
    stdout: (text) => (format === 'sarif' ? sarif.push(text) : process.stdout.write(text)),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  let code: number;
  try {
    code = await check(checkArguments({ path: input('path'), gpu: input('gpu'), format, rules: input('rules') }), io);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    process.stdout.write(`::error title=shapelint::${commandMessage(error.message)}\n`);
    return EXIT_USAGE;
  }
  if (format === 'sarif') {
    mkdirSync(dirname(sarifFile), { recursive: true });
    writeFileSync(sarifFile, sarif.join(''));
    if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `sarif-file=${sarifFile}\n`);
    process.stdout.write(`shapelint ${VERSION}: SARIF written to ${sarifFile}\n`);
  }
  return code;
}

runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`::error title=shapelint::${commandMessage(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
