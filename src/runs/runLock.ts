/**
 * One writer per run across the app's tabs (issue 13, item 5). Every invocation that writes a
 * run (start, resume, fork, replay) holds the run's lock until it ends; a tab that tries to
 * resume a run another tab is writing is refused with `run_locked` instead of interleaving its
 * writes. The port is the Web Locks API in the browser (`navigator.locks`, shared by every tab
 * of an origin, released by the browser when a tab closes or crashes) and a fake in Node tests.
 */
import { HandoffStudioError } from '../engine/errors';
import type { RunHandle } from '../engine/run';

/** Takes a named lock if it is free, without waiting. */
export interface RunLockPort {
  /** Resolves with the lock's release, or undefined when another holder has it. */
  tryAcquire(name: string): Promise<(() => void) | undefined>;
}

/** The lock name of a run (one namespace per origin, so it is prefixed). */
export function runLockName(runId: string): string {
  return `handoff-studio:run:${runId}`;
}

/** The port over the Web Locks API (`navigator.locks`). */
export function webRunLocks(locks: LockManager): RunLockPort {
  return {
    tryAcquire: (name) =>
      new Promise((resolve, reject) => {
        locks
          .request(name, { ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve(undefined);
              return undefined;
            }
            // The lock is held until the promise the callback returns settles: until release.
            return new Promise<void>((release) => resolve(() => release()));
          })
          .catch(reject);
      }),
  };
}

/** `navigator.locks` when this environment has it (every browser the app supports), else none. */
export function defaultRunLocks(): RunLockPort | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? webRunLocks(locks) : undefined;
}

/** A fake for tests: locks shared by whoever holds this one instance (the "tabs"). */
export function memoryRunLocks(): RunLockPort & { held(): string[] } {
  const held = new Set<string>();
  return {
    tryAcquire: (name) => {
      if (held.has(name)) return Promise.resolve(undefined);
      held.add(name);
      let released = false;
      return Promise.resolve(() => {
        if (released) return;
        released = true;
        held.delete(name);
      });
    },
    held: () => [...held],
  };
}

function locked(runId: string): HandoffStudioError {
  return new HandoffStudioError(
    'run_locked',
    `Run ${runId} is being written in another tab or window: go on with it there, or stop it ` +
      '(or close that tab) and try again.',
  );
}

/**
 * Opens an invocation of `runId` (a resume) holding its lock until the invocation ends.
 * @throws HandoffStudioError `run_locked` when another tab holds it; `open`'s own errors.
 */
export async function whileLocked(
  port: RunLockPort | undefined,
  runId: string,
  open: () => Promise<RunHandle>,
): Promise<RunHandle> {
  if (!port) return open();
  const release = await port.tryAcquire(runLockName(runId));
  if (!release) throw locked(runId);
  let handle: RunHandle;
  try {
    handle = await open();
  } catch (error) {
    release();
    throw error;
  }
  void handle.done.finally(release);
  return handle;
}

/**
 * Holds the lock of a run this tab has just created (a start, fork or replay: a new id no other
 * tab can hold yet) until its invocation ends, so another tab cannot resume it meanwhile.
 */
export async function holdLock(port: RunLockPort | undefined, handle: RunHandle): Promise<void> {
  if (!port) return;
  // The run has started: a lock manager that fails must not fail it (it goes on unguarded).
  const release = await port.tryAcquire(runLockName(handle.runId)).catch(() => undefined);
  if (release) void handle.done.finally(release);
}
