/**
 * One run as one file: the document it ran, its events, the script that replays it (from
 * `runToScript`), and its checkpoints with the transcript items they cover. Never any key or
 * endpoint: the provider appears only by its id ("openai"). Importing stores the run for
 * stepping, replay (a new run on the script provider), and resume or fork from its checkpoints
 * (files written before checkpoints were included import without them: step and replay only).
 */
import { z } from 'zod';
import { HandoffStudioError } from '../engine/errors';
import type { RunEvent } from '../engine/events';
import { runEventSchema } from '../engine/eventSchema';
import { readRunState } from '../engine/readState';
import { parseScript, runToScript, type Script } from '../engine/script';
import { documentHash } from '../engine/hash';
import type { Checkpoint, CheckpointStore, RunRecord, StoredItem } from '../engine/store';
import type { StoredRunStatus } from '../engine/runStatus';
import { parseWorkflow, serializeWorkflow, stripByteOrderMark, type Workflow } from '../model';
import { upgradeEvents } from './eventUpgrade';

export const RUN_FILE_FORMAT = 'handoff-run';

export interface RunFile {
  format: typeof RUN_FILE_FORMAT;
  version: 1;
  run: {
    runId: string;
    workflowName: string;
    provider: string;
    status: StoredRunStatus;
    startedAt: string;
    updatedAt: string;
    forkOf?: { runId: string; checkpointId: string };
  };
  /** The workflow document, as JSON. */
  document: unknown;
  events: RunEvent[];
  /** Replays the model replies of the run (docs/spec/run-file.md#scripts). */
  script: Script;
  /** The run's checkpoints, oldest first (absent in older files). */
  checkpoints?: Checkpoint[];
  /** The transcript items the checkpoints cover (item log positions 0 …). */
  items?: StoredItem[];
}

/** A stored run that came from a file. */
export type ImportedRunRecord = RunRecord & { imported: true };

export const isImported = (record: RunRecord): boolean =>
  (record as Partial<ImportedRunRecord>).imported === true;

/** A run that has checkpoints here, to resume or fork from (an old imported file has none). */
export const canContinue = (record: RunRecord): boolean =>
  !isImported(record) || record.lastCheckpointId !== undefined;

const runFileSchema = z.object({
  format: z.literal(RUN_FILE_FORMAT),
  version: z.literal(1),
  run: z.object({
    runId: z.string().min(1),
    workflowName: z.string(),
    provider: z.string(),
    status: z.enum(['running', 'paused', 'completed', 'failed', 'stopped']),
    startedAt: z.string(),
    updatedAt: z.string(),
    forkOf: z.object({ runId: z.string(), checkpointId: z.string() }).optional(),
  }),
  document: z.unknown(),
  events: z.array(runEventSchema),
  script: z.unknown(),
  checkpoints: z
    .array(
      z.looseObject({
        checkpointId: z.string().min(1),
        parentId: z.string().nullable(),
        createdAt: z.string(),
        seq: z.number().int().min(0),
        itemCount: z.number().int().min(0),
        state: z.record(z.string(), z.unknown()),
      }),
    )
    .optional(),
  items: z.array(z.record(z.string(), z.unknown())).optional(),
});

/** The file of a stored run. @throws HandoffStudioError `run_not_found`. */
export async function exportRun(store: CheckpointStore, runId: string): Promise<RunFile> {
  const record = await store.getRun(runId);
  if (!record) throw new HandoffStudioError('run_not_found', `There is no run "${runId}" here.`);
  const events = await store.getEvents(runId);
  const checkpoints = await store.listCheckpoints(runId);
  // The item log only grows: the latest checkpoint covers the most items.
  const itemCount = checkpoints.at(-1)?.itemCount ?? 0;
  const items = itemCount > 0 ? await store.getItems(runId, itemCount) : [];
  const { workflowName, provider, status, startedAt, updatedAt, forkOf } = record;
  return {
    format: RUN_FILE_FORMAT,
    version: 1,
    run: {
      runId,
      workflowName,
      provider,
      status,
      startedAt,
      updatedAt,
      ...(forkOf ? { forkOf } : {}),
    },
    document: JSON.parse(record.document) as unknown,
    events,
    script: runToScript(events),
    checkpoints,
    items,
  };
}

/** The file's text (pretty JSON). */
export const runFileText = (file: RunFile): string => `${JSON.stringify(file, null, 2)}\n`;

/** A run file name: `<workflow>-<runId>.run.json`. */
export const runFileName = (file: RunFile): string =>
  `${file.run.workflowName || 'workflow'}-${file.run.runId}.run.json`.replace(/[^\w.-]+/g, '_');

/**
 * Reads a run file (a leading byte-order mark is dropped).
 * @throws HandoffStudioError `invalid_run_file` naming what is wrong.
 */
export function parseRunFile(text: string): { file: RunFile; doc: Workflow } {
  let raw: unknown;
  try {
    raw = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    throw invalid(`it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = runFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw invalid(`${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'not a run file'}`);
  }
  const parsed = parseWorkflow(result.data.document);
  if (!parsed.ok) {
    const p = parsed.problems[0];
    throw invalid(
      `its workflow is not valid (${p ? `${p.path}: ${p.message}` : 'unknown problem'})`,
    );
  }
  const file = result.data as RunFile;
  const events = upgradeEvents([...file.events].sort((a, b) => a.seq - b.seq));
  // The script is rebuilt from the events when it is missing or damaged.
  let script: Script;
  try {
    script = parseScript(file.script);
  } catch {
    script = runToScript(events);
  }
  return { file: { ...file, events, script }, doc: parsed.doc };
}

/** An imported run, and the file's checkpoints that could not be kept (with why). */
export interface ImportedRun {
  record: RunRecord;
  unreadable: Array<{ checkpointId: string; reason: string }>;
}

/**
 * Stores an imported run (the record and its events, with `meta`: the workflow it is imported
 * into) and returns its record. A run already here under the same id is left as it is and
 * returned. A checkpoint that cannot be read is left out and reported at once (the run still
 * imports, for stepping, replay, and resume from its readable checkpoints), rather than failing
 * only when someone resumes from it.
 */
export async function importRun(
  store: CheckpointStore,
  text: string,
  meta: Readonly<Record<string, string>> = {},
): Promise<ImportedRun> {
  const { file, doc } = parseRunFile(text);
  const existing = await store.getRun(file.run.runId);
  if (existing) return { record: existing, unreadable: [] };
  const runId = file.run.runId;
  // Only checkpoints whose events and items the file holds can be continued from.
  const lastSeq = file.events.at(-1)?.seq ?? 0;
  const items = file.items ?? [];
  const unreadable: ImportedRun['unreadable'] = [];
  const checkpoints = (file.checkpoints ?? [])
    .filter((c) => {
      const reason = unreadableReason(c, lastSeq, items.length);
      if (reason !== undefined) unreadable.push({ checkpointId: c.checkpointId, reason });
      return reason === undefined;
    })
    .map((c) => ({ ...c, runId }))
    .sort((a, b) => a.seq - b.seq);
  const last = checkpoints.at(-1);
  const record: ImportedRunRecord = {
    ...file.run,
    // A run that was running when exported cannot continue here: show it as stopped.
    status: file.run.status === 'running' ? 'stopped' : file.run.status,
    docHash: documentHash(doc),
    document: serializeWorkflow(doc),
    eventCount: file.events.length,
    itemCount: last?.itemCount ?? 0,
    ...(last ? { lastCheckpointId: last.checkpointId } : {}),
    ...(Object.keys(meta).length > 0 ? { meta: { ...meta } } : {}),
    imported: true,
  };
  await store.putRun(record);
  try {
    if (file.events.length > 0) await store.putEvents(runId, file.events);
    if (last) await store.putItems(runId, 0, items.slice(0, last.itemCount));
    for (const checkpoint of checkpoints) await store.putCheckpoint(checkpoint);
  } catch (error) {
    // Half a run is not kept: the import fails as a whole.
    await store.deleteRun(runId).catch(() => undefined);
    throw error;
  }
  return { record, unreadable };
}

/** Why a checkpoint of a file cannot be continued from, or undefined when it can. */
function unreadableReason(
  checkpoint: Checkpoint,
  lastSeq: number,
  itemCount: number,
): string | undefined {
  if (checkpoint.seq > lastSeq) return `it is after the file's last event (${lastSeq})`;
  if (checkpoint.itemCount > itemCount) return "it covers transcript items the file doesn't hold";
  try {
    readRunState(checkpoint.state, {
      runId: 'check',
      docHash: 'check',
      seq: checkpoint.seq,
      itemCount: checkpoint.itemCount,
      checkpointId: checkpoint.checkpointId,
    });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function invalid(why: string): HandoffStudioError {
  return new HandoffStudioError(
    'invalid_run_file',
    `This is not a run file Handoff Studio can open: ${why}.`,
  );
}
