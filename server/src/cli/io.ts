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

declare const SHAPELINT_VERSION: string | undefined;
/** The package version, set by the build (esbuild define); 'dev' when run from source. */
export const VERSION = typeof SHAPELINT_VERSION === 'string' ? SHAPELINT_VERSION : 'dev';
