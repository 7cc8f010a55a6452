/**
 * The headless runner (docs/spec/cli.md): `npm run --silent cli -- <command> …`. Wiring only; each
 * command lives in src/cli/.
 */
import { parseArgs } from 'node:util';
import { HandoffStudioError } from './engine/errors';
import { exportCommand, parseExportTarget } from './cli/exportCommand';
import { importCodeCommand } from './cli/importCodeCommand';
import { EXIT, processIO, UsageError, type CliIO } from './cli/io';
import { parseRunArgs } from './cli/runArgs';
import { resumeCommand, runCommand } from './cli/runCommand';
import { scriptCommand } from './cli/scriptCommand';
import { parseTestArgs, testCommand } from './cli/testCommand';
import { importTraceCommand } from './cli/importTraceCommand';
import { traceCommand } from './cli/traceCommand';
import { validateCommand } from './cli/validateCommand';

const USAGE = `Handoff Studio CLI

Usage:
  cli validate WORKFLOW.json [--json]
  cli export WORKFLOW.json --to json|mermaid|python|dotnet|agents-ts|agents-py [--schema-url URL]
  cli run WORKFLOW.json --input TEXT [--input TEXT ...] [--decision approve|reject ...]
      [--provider simulator|openai [--base-url URL] [--model NAME]] [--script SCRIPT.json]
      [--store DIR] [--delay-ms N]
  cli resume RUN_ID --store DIR [--input ...] [--decision ...] [--checkpoint ID] [--fork]
      [provider options as for run]
  cli script RUN_ID --store DIR     the script that replays a stored run (for --script)
  cli test WORKFLOW.json [--provider simulator|openai [--base-url URL] [--model NAME]]
      [--samples N] [--concurrency K] [--case ID ...] [--junit FILE] [--json] [--store DIR]
      runs the workflow's routing tests; exit 1 when a case is under its pass rate
  cli trace RUN_ID --store DIR      a stored run as OTLP/JSON (OpenTelemetry, GenAI conventions)
  cli import-trace FILE [--workflow WORKFLOW.json] [--workflow-out FILE]
      a framework's trace (Agent Framework OTLP/JSON, ours) as events; notes on stderr
  cli import-code FILE [--lang python|typescript|javascript|csharp]
      the workflow built by framework code (JSON on stdout, the report on stderr)

run/resume print one JSON event per line on stdout; OPENAI_API_KEY holds the key for openai.

Exit codes: 0 ok (a run completed, paused or stopped), 1 errors in the document (validate,
export), a failed run or a test case under its pass rate, 2 bad arguments, an unreadable file
or a document that cannot run.`;

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
          options: { to: { type: 'string' }, 'schema-url': { type: 'string' } },
        });
        return await exportCommand(
          onlyFile(positionals),
          parseExportTarget(values.to),
          io,
          values['schema-url'],
        );
      }
      case 'run':
        return await runCommand(parseRunArgs(rest, 'run'), io);
      case 'resume':
        return await resumeCommand(parseRunArgs(rest, 'resume'), io);
      case 'script':
        return await scriptCommand(rest, io);
      case 'test':
        return await testCommand(parseTestArgs(rest), io);
      case 'trace':
        return await traceCommand(rest, io);
      case 'import-trace':
        return await importTraceCommand(rest, io);
      case 'import-code': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { lang: { type: 'string' } },
        });
        return await importCodeCommand(onlyFile(positionals), values.lang, io);
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
    // A coded error (a damaged store, an unsafe run id…) is a message and exit 2, never a trace.
    if (error instanceof HandoffStudioError) {
      io.err(`Error (${error.code}): ${error.message}`);
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
  // A reader that stops early (`| head`) closes stdout: end quietly, as Unix tools do. A run
  // cut off this way is resumable like any killed run (its checkpoints are written atomically).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
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
