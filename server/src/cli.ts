import { EXIT_INTERNAL, EXIT_USAGE, isUsageError, VERSION, type CliCommand, type CliIO } from './cli/io';

/** Explicit command table; each command lives in its own module under cli/. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  check: { summary: 'check model configs against the alignment rules (text, json or sarif; --fix)', load: async () => (await import('./cli/check.js')).check },
  predict: { summary: 'predict every GEMM of a layer and the model tokens/s on a GPU', load: async () => (await import('./cli/predict.js')).predict },
  search: { summary: 'find the fastest shapes near a config within a parameter budget', load: async () => (await import('./cli/search.js')).search },
  gemm: { summary: 'predict one GEMM (M×K)·(K×N) on a GPU', load: async () => (await import('./cli/gemm.js')).gemm },
  gpus: { summary: 'list the GPU catalogue', load: async () => (await import('./cli/gpus.js')).gpus },
  lsp: { summary: 'run the language server (--stdio) for any editor', load: async () => (await import('./cli/lsp.js')).lsp },
};

const USAGE = () =>
  [
    'usage: shapelint <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(9)} ${command.summary}`),
    '',
    "Run 'shapelint <command> --help' for a command's options.",
  ].join('\n');

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(USAGE() + '\n');
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`shapelint: unknown command '${name}'\n${USAGE()}\n`);
    return EXIT_USAGE;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(`shapelint ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

// The same bundle is the language server of the web extension: started as a web worker, it serves LSP over postMessage.
if ('WorkerGlobalScope' in globalThis) {
  void import('./browser-server.js');
} else if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`shapelint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
