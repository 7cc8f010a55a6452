/**
 * Folding a run's older checkpoints into one append-only file (Node only), so a long run keeps a
 * few dozen files instead of one per checkpoint (2,000 handoffs made 2,002). Nothing is pruned:
 * every checkpoint stays resumable and forkable, whether a file or a line of the pack.
 *
 *     DIR/<runId>/checkpoints/<id>.json   the newest checkpoints, one file each (as before)
 *     DIR/<runId>/checkpoints.jsonl       older ones, one JSON checkpoint a line (the pack)
 *
 * When a run has more than `FOLD_AT` checkpoint files, all but the newest `KEEP_FILES` are
 * appended to the pack (fsynced, through LineLog), and only then deleted. A crash in between
 * leaves a checkpoint in both places (readers take the file); a crash mid-append leaves a torn
 * last line, which readers ignore and the next append truncates. A store written before the
 * pack existed simply has none.
 */
import { randomUUID } from 'node:crypto';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HandoffStudioError } from '../engine/errors';
import type { Checkpoint, SkippedCheckpoint } from '../engine/store';
import { checkpointProblem, readCheckpointFile } from './checkpointFiles';
import { errnoCode, syncDir, toFileError } from './files';
import type { LineLog } from './lineLog';

export const PACK_FILE = 'checkpoints.jsonl';
/** A run with more checkpoint files than this folds the older ones into the pack. */
export const FOLD_AT = 64;
/** The newest checkpoints that stay files after a fold. */
export const KEEP_FILES = 16;

interface PackLine {
  text: string;
  checkpoint: Checkpoint | undefined;
}

/** The complete lines of the pack at `path` (none when it does not exist), parsed. */
async function readLines(path: string, runId: string): Promise<PackLine[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw toFileError(error, 'read', path);
  }
  // The part after the last newline is a torn append (or nothing): never a checkpoint.
  const lines = text.split('\n').slice(0, -1);
  return lines.map((line) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { text: line, checkpoint: undefined };
    }
    const id = (value as { checkpointId?: unknown } | null)?.checkpointId;
    const ok = typeof id === 'string' && checkpointProblem(value, runId, id) === undefined;
    return { text: line, checkpoint: ok ? (value as Checkpoint) : undefined };
  });
}

/**
 * The checkpoints of the pack at `path`, in file order. A damaged line is an error
 * (`checkpoint_unreadable`), or left out and told to `onUnreadable` (named by its line).
 */
export async function readPack(
  path: string,
  runId: string,
  onUnreadable?: (skipped: SkippedCheckpoint) => void,
): Promise<Checkpoint[]> {
  const checkpoints: Checkpoint[] = [];
  (await readLines(path, runId)).forEach((line, i) => {
    if (line.checkpoint) return void checkpoints.push(line.checkpoint);
    const name = `${PACK_FILE}:${i + 1}`;
    const reason = 'a damaged line of the checkpoint pack';
    if (!onUnreadable) {
      throw new HandoffStudioError(
        'checkpoint_unreadable',
        `Checkpoint at line ${i + 1} of ${path} cannot be read: ${reason}.`,
      );
    }
    onUnreadable({ checkpointId: name, reason });
  });
  return checkpoints;
}

/** Folds all but the newest `KEEP_FILES` checkpoint files of `dir` into the pack `log`. */
export async function foldCheckpoints(dir: string, pack: LineLog, runId: string): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter(
    (n) => n.endsWith('.json') && !n.startsWith('.'),
  );
  if (names.length <= FOLD_AT) return;
  const read = await Promise.all(
    names.map((name) =>
      readCheckpointFile(join(dir, name), runId, name.slice(0, -'.json'.length)).catch(
        // A damaged file stays where it is: every resume passes over it and says so.
        () => undefined,
      ),
    ),
  );
  const files = read.filter((cp) => cp !== undefined).sort((a, b) => a.seq - b.seq);
  const old = files.slice(0, Math.max(0, files.length - KEEP_FILES));
  if (old.length === 0) return;
  const lines = await readLines(pack.path, runId);
  const packed = new Set(lines.map((l) => l.checkpoint?.checkpointId));
  const fresh = old.filter((cp) => !packed.has(cp.checkpointId));
  // Appended and fsynced before any file goes: a crash leaves a copy, never a loss.
  await pack.write(lines.length, fresh);
  for (const cp of old) {
    const path = join(dir, `${cp.checkpointId}.json`);
    await unlink(path).catch((error: unknown) => {
      if (errnoCode(error) !== 'ENOENT') throw toFileError(error, 'delete', path);
    });
  }
  await syncDir(dir);
}

/** Drops the pack's checkpoints after `seq` (a resume from an earlier one), atomically. */
export async function prunePackAfter(pack: LineLog, runId: string, seq: number): Promise<void> {
  const lines = await readLines(pack.path, runId);
  const kept = lines.filter((l) => l.checkpoint === undefined || l.checkpoint.seq <= seq);
  if (kept.length === lines.length) return;
  const path = pack.path;
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(kept.map((l) => `${l.text}\n`).join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    await syncDir(dirname(path));
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw toFileError(error, 'write', path);
  } finally {
    pack.forget();
  }
}

/**
 * The checkpoints of a run (files and pack), oldest first; a file wins over a pack line of the
 * same id (a fold a crash interrupted). The files are listed before the pack is read, so a fold
 * running meanwhile (pack first, then the files) hides nothing.
 */
export function mergeCheckpoints(files: Checkpoint[], packed: Checkpoint[]): Checkpoint[] {
  const byId = new Map<string, Checkpoint>();
  for (const cp of packed) byId.set(cp.checkpointId, cp);
  for (const cp of files) byId.set(cp.checkpointId, cp);
  return [...byId.values()].sort(
    (a, b) =>
      a.seq - b.seq ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.checkpointId.localeCompare(b.checkpointId),
  );
}
