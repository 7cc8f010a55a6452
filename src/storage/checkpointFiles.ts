/**
 * Reading a checkpoint file of the file checkpoint store (Node only): a file that is not JSON, or
 * not the checkpoint its name says, is `checkpoint_unreadable` (named, with the reason), so that a
 * resume can pass over it instead of failing on it.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HandoffStudioError } from '../engine/errors';
import type { Checkpoint, SkippedCheckpoint } from '../engine/store';
import { errnoCode, readJson, toFileError } from './files';

/**
 * The checkpoints of the folder `dir`, oldest first (see `CheckpointStore.listCheckpoints`): an
 * unreadable one is an error, or left out and told to `onUnreadable` when that is given.
 */
export async function listCheckpointFiles(
  dir: string,
  runId: string,
  onUnreadable?: (skipped: SkippedCheckpoint) => void,
): Promise<Checkpoint[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw toFileError(error, 'list', dir);
  }
  const checkpoints = await Promise.all(
    names
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .map(async (name) => {
        const checkpointId = name.slice(0, -'.json'.length);
        try {
          return await readCheckpointFile(join(dir, name), runId, checkpointId);
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          if (onUnreadable === undefined || code !== 'checkpoint_unreadable') throw error;
          onUnreadable({ checkpointId, reason: (error as Error).message });
          return undefined;
        }
      }),
  );
  return checkpoints
    .filter((cp) => cp !== undefined)
    .sort(
      (a, b) =>
        a.seq - b.seq ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.checkpointId.localeCompare(b.checkpointId),
    );
}

/** The checkpoint `checkpointId` of run `runId` stored at `path`; undefined when there is none. */
export async function readCheckpointFile(
  path: string,
  runId: string,
  checkpointId: string,
): Promise<Checkpoint | undefined> {
  let value: unknown;
  try {
    value = await readJson(path);
  } catch (error) {
    if (error instanceof HandoffStudioError && error.message.startsWith('Corrupt JSON')) {
      throw unreadable(checkpointId, path, 'not valid JSON (damaged file)', error);
    }
    throw error;
  }
  if (value === undefined) return undefined;
  const problem = checkpointProblem(value, runId, checkpointId);
  if (problem !== undefined) throw unreadable(checkpointId, path, problem);
  return value as Checkpoint;
}

/** Why `value` is not checkpoint `checkpointId` of run `runId`; undefined when it is. */
export function checkpointProblem(
  value: unknown,
  runId: string,
  checkpointId: string,
): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'not a checkpoint object';
  }
  const cp = value as Partial<Record<keyof Checkpoint, unknown>>;
  if (cp.checkpointId !== checkpointId) return `its checkpointId is not "${checkpointId}"`;
  if (cp.runId !== runId) return `its runId is not "${runId}"`;
  if (!isCount(cp.seq) || !isCount(cp.itemCount)) return 'its seq or itemCount is not a count';
  if (typeof cp.createdAt !== 'string') return 'it has no createdAt';
  if (typeof cp.state !== 'object' || cp.state === null) return 'it has no state';
  return undefined;
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function unreadable(
  checkpointId: string,
  path: string,
  reason: string,
  cause?: unknown,
): HandoffStudioError {
  return new HandoffStudioError(
    'checkpoint_unreadable',
    `Checkpoint "${checkpointId}" (${path}) cannot be read: ${reason}.`,
    { cause },
  );
}
