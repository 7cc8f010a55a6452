/**
 * `cli trace RUN_ID --store DIR` (docs/spec/cli.md#trace): a stored run as OTLP/JSON on stdout
 * (docs/spec/export-otlp.md), for any OpenTelemetry tool; `import-trace` reads it back.
 */
import { parseArgs } from 'node:util';
import { exportRunOtlp, otlpText } from '../import/trace/otlpExport';
import { parseWorkflowText } from '../model';
import { FileCheckpointStore } from '../storage/fileStore';
import { EXIT, UsageError, type CliIO } from './io';

export async function traceCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { store: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('trace needs one RUN_ID.');
  if (values.store === undefined) throw new UsageError('trace needs --store DIR.');
  const store = new FileCheckpointStore(values.store);
  const runId = positionals[0]!;
  const run = await store.getRun(runId);
  if (!run) {
    io.err(`No run "${runId}" in ${values.store}.`);
    return EXIT.usage;
  }
  const doc = parseWorkflowText(run.document);
  if (!doc.ok) {
    io.err(`The document of run "${runId}" cannot be read.`);
    return EXIT.usage;
  }
  const events = await store.getEvents(runId);
  io.write(otlpText(exportRunOtlp(events, doc.doc, { runId, startedAt: run.startedAt })));
  return EXIT.ok;
}
