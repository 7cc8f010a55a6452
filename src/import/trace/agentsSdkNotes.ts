/**
 * The report of an Agents SDK trace import (docs/spec/import-trace.md#openai-agents-sdk): notes
 * with stable codes, and the error of a file that cannot be read at all. A hostile file
 * can hold 100,000 bad spans: each code keeps its first notes and then counts the rest.
 */
import { HandoffStudioError } from '../../engine/errors';
import type { TraceNote, TraceNoteKind } from './types';

/**
 * The error of a file that cannot be imported at all: `invalid_trace` (the code every trace
 * import uses, docs/spec/import-trace.md#openai-agents-sdk) with a sentence saying what is wrong.
 */
export function invalidTrace(why: string): HandoffStudioError {
  return new HandoffStudioError(
    'invalid_trace',
    `This is not a trace Handoff Studio can open: ${why}.`,
  );
}

/** Notes kept per code before the rest are only counted. */
export const NOTES_PER_CODE = 20;

/** Collects notes, at most `NOTES_PER_CODE` per code plus one that counts the rest. */
export class NoteLog {
  private readonly notes: TraceNote[] = [];
  private readonly counts = new Map<string, { kind: TraceNoteKind; count: number }>();

  add(kind: TraceNoteKind, code: string, message: string, spanId?: string): void {
    const entry = this.counts.get(code) ?? { kind, count: 0 };
    entry.count += 1;
    this.counts.set(code, entry);
    if (entry.count <= NOTES_PER_CODE) {
      this.notes.push({ kind, code, message, ...(spanId !== undefined ? { spanId } : {}) });
    }
  }

  /** True when a note with this code was added. */
  has(code: string): boolean {
    return this.counts.has(code);
  }

  list(): TraceNote[] {
    const more: TraceNote[] = [];
    for (const [code, { kind, count }] of this.counts) {
      if (count > NOTES_PER_CODE) {
        more.push({ kind, code, message: `… and ${count - NOTES_PER_CODE} more like these.` });
      }
    }
    return [...this.notes, ...more];
  }
}
