/**
 * A log of JSON values, one per line (JSON lines), written at explicit positions: the file format
 * of a run's item and event logs in the file checkpoint store (Node only).
 *
 * Crash safety. Writing at position `p` first truncates the file at the start of line `p` (a line
 * boundary), then writes the new lines there, then fsyncs. Lines before `p` are never touched, so
 * a crash at any moment (SIGKILL included, mid-write included) leaves them intact: what an earlier
 * checkpoint refers to survives. A write cut short leaves a torn last line (no newline), which
 * readers ignore and the next write truncates away. Whatever lay beyond the written lines is
 * dropped (it belonged to a future abandoned by resuming from an earlier checkpoint).
 *
 * Cost. The byte offset of every line is kept in memory (built by one scan when the file is first
 * used, and rebuilt only when the file's size differs from the one expected), so a write costs
 * one `stat`, one `truncate` and a write of the new lines only, however long the log is.
 */
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HandoffStudioError } from '../engine/errors';
import { errnoCode, syncDir, toFileError } from './files';

const NEWLINE = 0x0a;
/** The line of a position nothing was written at. */
const HOLE = 'null';

/** A JSON-lines log written at explicit positions (see the module comment). */
export class LineLog {
  /** Start offset of each complete line, then the end of the last one; undefined when unknown. */
  private offsets: number[] | undefined;
  /** The file size `offsets` was computed for (a torn tail included). */
  private size = 0;
  private dirSynced = false;

  constructor(readonly path: string) {}

  /**
   * Writes `values` at positions `start`, `start + 1`, … and drops every line after them. A gap
   * between the current end and `start` is filled with holes (`null` lines).
   */
  async write(start: number, values: readonly unknown[]): Promise<void> {
    if (values.length === 0) return;
    let handle: FileHandle | undefined;
    try {
      handle = await open(this.path, constants.O_RDWR | constants.O_CREAT, 0o666);
      const { size } = await handle.stat();
      if (this.offsets === undefined || this.size !== size) this.index(await handle.readFile());
      const offsets = this.offsets!;
      const from = Math.min(start, offsets.length - 1);
      const texts = Array<string>(start - from).fill(HOLE);
      for (const value of values) texts.push(JSON.stringify(value));
      const at = offsets[from]!;
      const buffer = Buffer.from(texts.map((text) => `${text}\n`).join(''), 'utf8');
      // Truncate first: a crash after it leaves a shorter log, never a stale fragment of a line.
      await handle.truncate(at);
      for (let done = 0; done < buffer.length;) {
        const { bytesWritten } = await handle.write(buffer, done, buffer.length - done, at + done);
        done += bytesWritten;
      }
      await handle.datasync();
      offsets.length = from + 1;
      let end = at;
      for (const text of texts) offsets.push((end += Buffer.byteLength(text) + 1));
      this.offsets = offsets;
      this.size = end;
    } catch (error) {
      this.offsets = undefined;
      throw toFileError(error, 'write', this.path);
    } finally {
      await handle?.close();
    }
    if (!this.dirSynced) {
      // The first write may have created the file: make its directory entry durable too.
      await syncDir(dirname(this.path)).catch((error: unknown) => {
        throw toFileError(error, 'sync the directory of', this.path);
      });
      this.dirSynced = true;
    }
  }

  /**
   * The values at positions [0, count) (every complete line when `count` is absent; fewer when
   * the log is shorter), `null` for holes. A torn last line is ignored; a corrupt complete line
   * within the range read is an error.
   */
  async read(count?: number): Promise<unknown[]> {
    let buffer: Buffer;
    try {
      buffer = await readFile(this.path);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw toFileError(error, 'read', this.path);
      buffer = Buffer.alloc(0);
    }
    const offsets = this.index(buffer);
    const n = Math.min(count ?? Infinity, offsets.length - 1);
    const values: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const text = buffer.toString('utf8', offsets[i], offsets[i + 1]! - 1);
      try {
        values.push(JSON.parse(text));
      } catch (error) {
        throw new HandoffStudioError('storage_error', `Corrupt line ${i + 1} in ${this.path}.`, {
          cause: error,
        });
      }
    }
    return values;
  }

  /** Forgets the cached line offsets (the next write rescans the file). */
  forget(): void {
    this.offsets = undefined;
  }

  /** Computes the line offsets of the file's content `buffer` and caches them. */
  private index(buffer: Buffer): number[] {
    const offsets = [0];
    for (let i = buffer.indexOf(NEWLINE); i !== -1; i = buffer.indexOf(NEWLINE, i + 1)) {
      offsets.push(i + 1);
    }
    this.offsets = offsets;
    this.size = buffer.length;
    return offsets;
  }
}
