/** What a CLI command may touch, so that tests can run commands in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

/** Exit codes: the contract other tools rely on. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** shapelint itself failed (a bug, or a file it could not finish); other files are still reported. */
export const EXIT_INTERNAL = 3;

export class UsageError extends Error {}

/** Bad usage, ours or node:util's parseArgs' (an unknown or malformed option): exit 2 with the message, no stack. */
export function isUsageError(error: unknown): error is Error {
  return error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
}

declare const SHAPELINT_VERSION: string | undefined;
/** The package version, set by the build (esbuild define); 'dev' when run from source. */
export const VERSION = typeof SHAPELINT_VERSION === 'string' ? SHAPELINT_VERSION : 'dev';
