/**
 * The headless runner (DESIGN §5): `npm run --silent cli -- <command> …`. Wiring only; each
 * command lives in src/cli/.
 */
import { parseArgs } from 'node:util';
import { exportCommand, parseExportTarget } from './cli/exportCommand';
import { EXIT, processIO, UsageError, type CliIO } from './cli/io';
import { validateCommand } from './cli/validateCommand';

const USAGE = `Handoff Studio CLI

Usage:
  cli validate WORKFLOW.json [--json]
  cli export WORKFLOW.json --to json|mermaid|python|dotnet

Exit codes: 0 ok, 1 errors in the document (or a failed run), 2 bad arguments or unreadable file.`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { json: { type: 'boolean', default: false } },
        });
        return await validateCommand(onlyFile(positionals), values.json, io);
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { to: { type: 'string' } },
        });
        return await exportCommand(onlyFile(positionals), parseExportTarget(values.to), io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.err(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`${(error as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}

function onlyFile(positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'A WORKFLOW.json file is needed.'
        : `One file only (got ${positionals.length}).`,
    );
  }
  return positionals[0]!;
}

const isEntry = process.argv[1] !== undefined && /cli\.[cm]?[jt]s$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = EXIT.failed;
    },
  );
}
