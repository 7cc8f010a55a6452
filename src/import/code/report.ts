/** The import report: notes in the order they were found, each with its line and stable code. */
import type { Node } from 'web-tree-sitter';
import { lineOf } from './parser';
import type { CodeImportNote, CodeImportNoteCode, CodeImportNoteKind } from './types';

export class Report {
  readonly notes: CodeImportNote[] = [];

  add(
    kind: CodeImportNoteKind,
    at: Node | number,
    code: CodeImportNoteCode,
    message: string,
  ): void {
    const line = typeof at === 'number' ? at : lineOf(at);
    this.notes.push({ kind, line, message, code });
  }

  /** The notes sorted by line (stable for notes of one line). */
  sorted(): CodeImportNote[] {
    return this.notes
      .map((note, i) => ({ note, i }))
      .sort((a, b) => a.note.line - b.note.line || a.i - b.i)
      .map(({ note }) => note);
  }
}

/** A short, single-line excerpt of a node's source for a message. */
export function excerpt(node: Node, max = 60): string {
  const text = node.text.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
