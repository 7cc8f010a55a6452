/**
 * `cli import-trace FILE [--workflow WORKFLOW.json] [--workflow-out FILE]`
 * (docs/spec/cli.md#import-trace): a framework's trace as our run — one JSON event per line on
 * stdout (the same events as `run`), the notes on stderr, the recovered (or given) workflow
 * written to `--workflow-out`.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importTrace, TRACE_LIMITS } from '../import/trace';
import { serializeWorkflow, type Workflow } from '../model';
import { EXIT, UsageError, type CliIO } from './io';
import { formatProblem, loadWorkflow } from './load';

export async function importTraceCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { workflow: { type: 'string' }, 'workflow-out': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('import-trace needs one trace FILE.');
  const file = positionals[0]!;
  let open: Workflow | undefined;
  if (values.workflow !== undefined) {
    const loaded = await loadWorkflow(values.workflow);
    if (!loaded.ok) {
      for (const problem of loaded.problems) io.err(formatProblem(problem));
      return EXIT.usage;
    }
    open = loaded.doc;
  }
  const text = await readTrace(file, io);
  if (text === undefined) return EXIT.usage;
  const imported = importTrace(text, open);
  for (const event of imported.events) io.out(JSON.stringify(event));
  for (const note of imported.notes) io.err(`${note.kind} ${note.code}: ${note.message}`);
  if (values['workflow-out'] !== undefined) {
    await writeFile(values['workflow-out'], serializeWorkflow(imported.workflow));
  }
  return EXIT.ok;
}

async function readTrace(file: string, io: CliIO): Promise<string | undefined> {
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      io.err(`${file} is not a file.`);
      return undefined;
    }
    // A UTF-8 byte is at least a character: refuse what cannot fit before reading it.
    if (info.size > TRACE_LIMITS.maxChars * 3) {
      io.err(`${file} is too large (${(info.size / 1024 / 1024).toFixed(1)} MB).`);
      return undefined;
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(code === 'ENOENT' ? `${file} does not exist.` : `${file} cannot be read.`);
    return undefined;
  }
}
