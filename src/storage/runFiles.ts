/**
 * A run's directory in the file checkpoint store (Node only): reading its `run.json` checked, and
 * removing the `.*.tmp` files a killed writer left behind (see files.ts' writeJsonAtomic).
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { HandoffStudioError } from '../engine/errors';
import type { RunRecord } from '../engine/store';
import { readJson } from './files';

/** The record of run `runId` at `path`; undefined when there is none; an error naming it if bad. */
export async function readRunFile(path: string, runId: string): Promise<RunRecord | undefined> {
  const value = await readJson(path);
  if (value === undefined) return undefined;
  const record = value as Partial<RunRecord> | null;
  // A hand-edited or damaged record must be an error that names it, not a crash further on.
  if (
    typeof record !== 'object' ||
    record === null ||
    Array.isArray(record) ||
    record.runId !== runId ||
    typeof record.document !== 'string' ||
    typeof record.docHash !== 'string' ||
    typeof record.status !== 'string' ||
    typeof record.startedAt !== 'string'
  ) {
    throw new HandoffStudioError(
      'storage_error',
      `${path} is not the record of run "${runId}" (damaged or edited by hand).`,
    );
  }
  return record as RunRecord;
}

/**
 * Removes the stray temporary files (`.NAME.UUID.tmp`) of `dirs`: only the run's one writer
 * calls it (it holds the run's lock), so none of them is a write in progress.
 */
export async function removeStrayTemps(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.startsWith('.') && n.endsWith('.tmp'))) {
      await unlink(join(dir, name)).catch(() => undefined);
    }
  }
}
