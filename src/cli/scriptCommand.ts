/**
 * `cli script RUN_ID --store DIR`: prints the script that replays a stored run
 * (docs/spec/cli.md#script).
 */
import { parseArgs } from 'node:util';
import { runToScript } from '../engine';
import { FileCheckpointStore } from '../storage/fileStore';
import { EXIT, UsageError, type CliIO } from './io';

export async function scriptCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { store: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('script needs one RUN_ID.');
  if (values.store === undefined) throw new UsageError('script needs --store DIR.');
  const store = new FileCheckpointStore(values.store);
  const runId = positionals[0]!;
  const run = await store.getRun(runId);
  if (!run) {
    io.err(`No run "${runId}" in ${values.store}.`);
    return EXIT.usage;
  }
  io.write(`${JSON.stringify(runToScript(await store.getEvents(runId)), null, 2)}\n`);
  return EXIT.ok;
}
