/**
 * File helpers of the file checkpoint store (Node only): atomic JSON writes, safe file names and
 * the mapping of file-system errors to `HandoffStudioError`s.
 */
import { randomUUID } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HandoffStudioError } from '../engine/errors';

/** Error codes of a full disk or an exhausted quota. */
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** The errno-style code of a Node error, if any. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Maps a file-system failure to a `HandoffStudioError` naming the path: `storage_quota` when the
 * disk is full (ENOSPC, EDQUOT), `storage_error` otherwise. `HandoffStudioError`s pass through.
 */
export function toFileError(error: unknown, action: string, path: string): HandoffStudioError {
  if (error instanceof HandoffStudioError) return error;
  const code = errnoCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code !== undefined && FULL_CODES.has(code)) {
    return new HandoffStudioError(
      'storage_quota',
      `Disk full: could not ${action} ${path}; that data was not saved. Free some space and resume the run. (${detail})`,
      { cause: error },
    );
  }
  return new HandoffStudioError('storage_error', `Could not ${action} ${path}: ${detail}`, {
    cause: error,
  });
}

/** Letters, digits, `_`, `-` and `.`, not starting with a dot, at most 128 characters. */
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
/** Names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Checks that `id` can be used as a file name as is (no path separators, no `..`, no dot files),
 * and throws a `storage_error` saying so otherwise.
 */
export function checkSafeName(id: string, what: string): void {
  if (typeof id !== 'string' || !SAFE_NAME.test(id) || RESERVED.test(id)) {
    throw new HandoffStudioError(
      'storage_error',
      `Refusing ${what} ${JSON.stringify(id)}: not a safe file name (letters, digits, "_", "-" and "." only, not starting with ".", at most 128 characters).`,
    );
  }
}

/** Flushes a directory entry change (a rename) to disk; a no-op where directories can't be opened. */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; the rename is as durable as it gets there.
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF'].includes(errnoCode(error) ?? '')) {
      throw error;
    }
  } finally {
    await handle?.close();
  }
}

/**
 * Writes `value` as JSON to `path` atomically: into a temporary file of the same directory, which
 * is fsynced, then renamed over `path`, then the directory is fsynced. A reader (or a process
 * restarted after a crash) sees the old file or the new one, never a mix; a crash leaves at worst
 * a stray `.NAME.*.tmp` file, which readers ignore.
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(value)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    await syncDir(dir);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw toFileError(error, 'write', path);
  }
}

/** Reads and parses a JSON file; `undefined` when it does not exist. */
export async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw toFileError(error, 'read', path);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HandoffStudioError('storage_error', `Corrupt JSON file ${path}.`, { cause: error });
  }
}
