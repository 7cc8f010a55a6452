/**
 * Access to the app's IndexedDB database shared by every store on it (checkpoints, workflows):
 * opening it once, failing at once (instead of hanging) when another tab blocks an upgrade, and
 * mapping every failure to a `HandoffStudioError` that says what was not saved and why.
 */
import type Dexie from 'dexie';
import { HandoffStudioError } from '../engine/errors';

/** What an operation does, for error messages. */
export type Verb = 'save' | 'read' | 'delete';
const DONE: Record<Verb, string> = { save: 'saved', read: 'read', delete: 'deleted' };

export class DatabaseAccess {
  private opening: Promise<void> | undefined;

  /** `blockedMessage`: what to tell the user when another tab blocks the upgrade. */
  constructor(
    private readonly db: Dexie,
    private readonly blockedMessage: string,
  ) {}

  /** Opens the database, then runs `op`; maps any failure (see `toStorageError`). */
  async run<T>(verb: Verb, what: string, op: () => PromiseLike<T>): Promise<T> {
    try {
      await this.open();
      return await op();
    } catch (error) {
      throw toStorageError(error, verb, what, this.db.name);
    }
  }

  /**
   * Opens the database. An upgrade blocked by another connection (a tab still holding an older
   * version open) fails at once with a clear error instead of hanging; the open goes on in the
   * background and later calls succeed once the other connection is closed.
   */
  private open(): Promise<void> {
    if (this.db.isOpen()) return Promise.resolve();
    if (this.opening) return this.opening;
    let onBlocked = (): void => {};
    const blocked = new Promise<never>((_, reject) => {
      onBlocked = () => reject(new HandoffStudioError('storage_error', this.blockedMessage));
    });
    this.db.on('blocked', onBlocked);
    const done = (): void => {
      this.db.on('blocked').unsubscribe(onBlocked);
      this.opening = undefined;
    };
    const opened = this.db.open().then(done, (error: unknown) => {
      done();
      throw error;
    });
    this.opening = Promise.race([opened, blocked]);
    return this.opening;
  }
}

/** The names of an error and of the errors it wraps (dexie's `inner`, `cause`, `failures`). */
function errorNames(error: unknown, depth = 0): string[] {
  if (depth > 4 || typeof error !== 'object' || error === null) return [];
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const names = typeof e.name === 'string' ? [e.name] : [];
  const nested = [e.inner, e.cause, ...(Array.isArray(e.failures) ? e.failures : [])];
  return names.concat(...nested.map((n) => errorNames(n, depth + 1)));
}

/**
 * Maps an IndexedDB/dexie failure to a `HandoffStudioError`: `storage_quota` when the browser's
 * storage is full, `storage_error` otherwise. `HandoffStudioError`s pass through unchanged.
 */
export function toStorageError(
  error: unknown,
  verb: Verb,
  what: string,
  dbName: string,
): HandoffStudioError {
  if (error instanceof HandoffStudioError) return error;
  const names = errorNames(error);
  const detail =
    error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : String(error);
  const has = (...wanted: string[]): boolean => wanted.some((n) => names.includes(n));
  let message: string;
  if (has('QuotaExceededError')) {
    message = `Browser storage is full: ${what} could not be saved. Delete old runs or workflows to free space, then retry. (${detail})`;
    return new HandoffStudioError('storage_quota', message, { cause: error });
  }
  if (has('MissingAPIError')) {
    message = `IndexedDB is not available in this browser (private browsing, or storage disabled?), so ${what} could not be ${DONE[verb]}. (${detail})`;
  } else if (has('VersionError', 'DatabaseClosedError', 'InvalidStateError')) {
    message = `The database "${dbName}" was closed or upgraded by another tab or window (a newer Handoff Studio?), so the operation on ${what} failed. Reload the page. (${detail})`;
  } else {
    message = `Storage error: could not ${verb} ${what} in the database "${dbName}". (${detail})`;
  }
  return new HandoffStudioError('storage_error', message, { cause: error });
}
