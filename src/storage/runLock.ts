/**
 * One writer per run in the file checkpoint store (Node only): a lock file in the run's
 * directory, created exclusively (`wx`), holding the writer's pid, a token and the time. A lock
 * whose pid is no longer alive (the writer was killed) is stale and taken over; a live one is
 * `run_locked`. Two store instances of one process exclude each other too (the token differs).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { HandoffStudioError } from '../engine/errors';
import { errnoCode, toFileError } from './files';

export const LOCK_FILE = 'writer.lock';
/** A lock file that is still empty or torn this long after its creation was left by a crash. */
const TORN_LOCK_MS = 5000;

interface Holder {
  pid: number;
  token: string;
  since: string;
}

export class RunLocks {
  private readonly token = randomUUID();
  private readonly held = new Map<string, string>();

  /** Takes the lock at `path` for `runId`; false when this instance held it already. */
  async acquire(runId: string, path: string): Promise<boolean> {
    if (this.held.has(runId)) return false;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(path, 'wx');
        try {
          const holder: Holder = {
            pid: process.pid,
            token: this.token,
            since: new Date().toISOString(),
          };
          await handle.writeFile(JSON.stringify(holder));
        } finally {
          await handle.close();
        }
        this.held.set(runId, path);
        return true;
      } catch (error) {
        if (errnoCode(error) !== 'EEXIST') throw toFileError(error, 'lock', path);
      }
      const holder = await readHolder(path);
      if (holder === 'gone') continue;
      if (holder === 'fresh') throw locked(runId, undefined);
      if (holder !== 'stale' && isAlive(holder.pid)) throw locked(runId, holder);
      // The writer was killed: take its lock over.
      await unlink(path).catch((error: unknown) => {
        if (errnoCode(error) !== 'ENOENT') throw toFileError(error, 'unlock', path);
      });
    }
    throw locked(runId, undefined);
  }

  /** Forgets the lock of a run whose directory was deleted (the lock went with it). */
  forget(runId: string): void {
    this.held.delete(runId);
  }

  /** Releases every lock this instance holds (those still holding its token); synchronous. */
  releaseAll(): void {
    const paths = [...this.held.values()];
    this.held.clear();
    for (const path of paths) {
      try {
        const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
        if (holder.token === this.token) unlinkSync(path);
      } catch {
        // gone or replaced: nothing of ours to release
      }
    }
  }
}

async function readHolder(path: string): Promise<Holder | 'gone' | 'fresh' | 'stale'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'gone';
    throw toFileError(error, 'read', path);
  }
  try {
    const holder = JSON.parse(text) as Holder;
    if (Number.isInteger(holder.pid) && typeof holder.token === 'string') return holder;
  } catch {
    // torn: judged by its age below
  }
  try {
    const { mtimeMs } = await stat(path);
    return Date.now() - mtimeMs > TORN_LOCK_MS ? 'stale' : 'fresh';
  } catch {
    return 'gone';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

function locked(runId: string, holder: Holder | undefined): HandoffStudioError {
  const who = holder ? `process ${holder.pid} since ${holder.since}` : 'another process';
  return new HandoffStudioError(
    'run_locked',
    `Run "${runId}" is being written by ${who}; wait for it to end (or stop it) and try again.`,
  );
}
