import { useEffect, useState } from 'react';
import { useApp } from '../../app/appContext';
import type { TraceNote } from '../../import/trace';

const KIND_LABELS: Record<TraceNote['kind'], string> = {
  recognised: 'Recognised',
  missing: 'Missing',
  flagged: 'Flagged',
  left_out: 'Left out',
};

/** A trace's notes, grouped by kind: what is missing is said, never filled in. */
export function TraceNoteList({ notes }: { notes: readonly TraceNote[] }) {
  return (
    <ul className="trace-notes" aria-label="Trace notes">
      {notes.map((note, i) => (
        <li key={`${note.code}-${i}`} className={`trace-note trace-note--${note.kind}`}>
          <span className="trace-note__kind">{KIND_LABELS[note.kind]}</span> {note.message}
        </li>
      ))}
    </ul>
  );
}

/** The notes of the shown run when it is an imported trace (nothing for other runs). */
export function TraceNotes({ runId }: { runId: string }) {
  const app = useApp();
  const [notes, setNotes] = useState<TraceNote[] | undefined>();
  useEffect(() => {
    let cancelled = false;
    app.traces.notesOf(runId).then(
      (found) => !cancelled && setNotes(found),
      () => !cancelled && setNotes(undefined),
    );
    return () => {
      cancelled = true;
    };
  }, [app, runId]);
  if (!notes || notes.length === 0) return null;
  return (
    <details className="trace-notes-panel" open>
      <summary>Imported trace: {notes.filter((n) => n.kind !== 'recognised').length} notes</summary>
      <TraceNoteList notes={notes} />
    </details>
  );
}

/** "Export OTLP": the run as an OpenTelemetry file (docs/spec/export-otlp.md). */
export function ExportOtlpButton({ runId }: { runId: string }) {
  const app = useApp();
  const save = async () => {
    try {
      const { name, text } = await app.traces.otlpFile(runId);
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      app.say(error instanceof Error ? error.message : String(error), 'error');
    }
  };
  return (
    <button
      type="button"
      onClick={() => void save()}
      title="Export trace (OTLP): this run as OpenTelemetry JSON for Jaeger, Phoenix, Langfuse…"
    >
      Export OTLP
    </button>
  );
}
