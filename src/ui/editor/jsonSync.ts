/**
 * Keeps a Monaco model and the designer store on the same document, both ways:
 *
 * - Store → text: a change made elsewhere (canvas, inspector, undo) is applied to the text as
 *   one minimal edit (the changed middle part), so the cursor and scroll position stay where
 *   they were and Monaco's own undo still works. While the text holds edits that are not
 *   applied yet (typing, or invalid JSON), it is left alone: the user's typing is never
 *   overwritten; the state then says the canvas moved on (`diverged`).
 * - Text → store: after a pause in typing, valid text replaces the document as one undo step
 *   (`replaceDocument`); invalid text leaves the document as it is and reports its problems.
 */
import type { editor } from 'monaco-editor/editor';
import { parseWorkflowText, serializeWorkflow, type Problem, type Workflow } from '../../model';
import type { DesignerStore } from '../../store';
import { onDocumentChange } from '../../store';

/** What the JSON view shows beside the editor. */
export interface JsonSyncState {
  /** Problems of the text (empty when it is a valid document). */
  problems: Problem[];
  /** The text has edits not applied to the document yet (waiting for the pause, or invalid). */
  pending: boolean;
  /** The document changed elsewhere while the text had such edits. */
  diverged: boolean;
}

export const APPLY_DELAY_MS = 350;

export class JsonSync {
  private doc: Workflow;
  private applying = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposers: Array<() => void> = [];
  private state: JsonSyncState = { problems: [], pending: false, diverged: false };

  constructor(
    private readonly store: DesignerStore,
    private readonly model: editor.ITextModel,
    private readonly editorInstance: editor.ICodeEditor,
    private readonly onState: (state: JsonSyncState) => void,
  ) {
    this.doc = store.getState().doc;
    const text = serializeWorkflow(this.doc);
    if (model.getValue() !== text) model.setValue(text);
    const content = model.onDidChangeContent(() => {
      if (!this.applying) this.textChanged();
    });
    this.disposers.push(
      () => content.dispose(),
      onDocumentChange(store, (doc) => this.documentChanged(doc)),
    );
    this.emit({ problems: [], pending: false, diverged: false });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  /** Applies the text now (leaving the editor, or a test that does not want to wait). */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.applyText();
  }

  /** Throws the text's unapplied edits away and shows the document again. */
  revert(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writeText(serializeWorkflow(this.store.getState().doc));
    this.doc = this.store.getState().doc;
    this.emit({ problems: [], pending: false, diverged: false });
  }

  private emit(state: JsonSyncState): void {
    this.state = state;
    this.onState(state);
  }

  private textChanged(): void {
    if (!this.state.pending) this.emit({ ...this.state, pending: true });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.applyText();
    }, APPLY_DELAY_MS);
  }

  private applyText(): void {
    const result = parseWorkflowText(this.model.getValue());
    if (!result.ok) {
      this.emit({ problems: result.problems, pending: true, diverged: this.state.diverged });
      return;
    }
    const current = this.store.getState().doc;
    if (serializeWorkflow(result.doc) !== serializeWorkflow(current)) {
      // Our own change: documentChanged must not write it back into the text being typed.
      this.doc = result.doc;
      this.store.getState().replaceDocument(result.doc, 'Edit JSON');
      this.doc = this.store.getState().doc;
    } else {
      this.doc = current;
    }
    this.emit({ problems: [], pending: false, diverged: false });
  }

  private documentChanged(doc: Workflow): void {
    if (doc === this.doc) return;
    this.doc = doc;
    if (this.state.pending) {
      this.emit({ ...this.state, diverged: true });
      return;
    }
    this.writeText(serializeWorkflow(doc));
  }

  /** Replaces the text with `next` by one edit of the part that differs. */
  private writeText(next: string): void {
    const text = this.model.getValue();
    if (text === next) return;
    let start = 0;
    const max = Math.min(text.length, next.length);
    while (start < max && text.charCodeAt(start) === next.charCodeAt(start)) start++;
    let end = 0;
    while (
      end < max - start &&
      text.charCodeAt(text.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
    ) {
      end++;
    }
    const from = this.model.getPositionAt(start);
    const to = this.model.getPositionAt(text.length - end);
    this.applying = true;
    try {
      this.editorInstance.pushUndoStop();
      this.editorInstance.executeEdits('designer', [
        {
          range: {
            startLineNumber: from.lineNumber,
            startColumn: from.column,
            endLineNumber: to.lineNumber,
            endColumn: to.column,
          },
          text: next.slice(start, next.length - end),
          forceMoveMarkers: false,
        },
      ]);
      this.editorInstance.pushUndoStop();
    } finally {
      this.applying = false;
    }
  }
}
