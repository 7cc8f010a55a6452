import { useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { TraceImport as Imported } from '../../import/trace';
import { Dialog } from '../files/Dialog';
import { storedWorkflowId } from './openRun';
import { TraceNoteList } from './TraceNotes';
import './trace.css';

const FORMAT_LABELS: Record<Imported['format'], string> = {
  'otlp-agent-framework': 'Agent Framework trace (OpenTelemetry)',
  'otlp-handoff-studio': 'Handoff Studio run (OpenTelemetry)',
  'agents-sdk': 'OpenAI Agents SDK trace',
};

/**
 * "Import trace…": a framework's trace file (docs/spec/import-trace.md), read as data and shown
 * before anything changes. The person chooses: the workflow the trace shows opens as a new
 * workflow with the run, or the run is matched to the open workflow (handoffs it does not allow
 * are flagged). Either way the run is then shown on the canvas like a run of ours.
 */
export function TraceImportButton({ disabled }: { disabled: boolean }) {
  const app = useApp();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={disabled}>
        Import trace…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.jsonl,application/json"
        hidden
        aria-label="Trace file to import"
        onChange={(e) => {
          const picked = e.target.files?.[0];
          e.target.value = '';
          if (picked) void picked.text().then((text) => app.traces.offer(picked.name, text));
        }}
      />
    </>
  );
}

/** The import dialog of the offered trace file (picked in the Run panel or dropped anywhere). */
export function TraceImportHost() {
  const app = useApp();
  const file = useStore(app.traces.offered, (s) => s.file);
  if (!file) return null;
  return (
    <TraceImportDialog
      key={file.name + file.text.length}
      file={file}
      onClose={() => app.traces.dismissOffer()}
    />
  );
}

type Read = { ok: true; alone: Imported; matched: Imported } | { ok: false; error: string };

function TraceImportDialog(props: { file: { name: string; text: string }; onClose(): void }) {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const read = useMemo((): Read => {
    try {
      const open = app.designer.getState().doc;
      return {
        ok: true,
        alone: app.traces.read(props.file.text),
        matched: app.traces.read(props.file.text, open),
      };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }, [app, props.file.text]);
  const act = async (how: 'new' | 'match') => {
    if (!read.ok) return;
    setBusy(true);
    try {
      if (how === 'new') {
        if (!(await app.session.openAsNew(read.alone.workflow))) return;
        await app.traces.keep(read.alone, await storedWorkflowId(app));
      } else {
        await app.traces.keep(read.matched, await storedWorkflowId(app));
      }
      app.runUi.getState().set({ open: true });
      app.say(`Imported the trace ${props.file.name}.`);
      props.onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const flagged = read.ok ? read.matched.notes.filter((n) => n.kind === 'flagged').length : 0;
  return (
    <Dialog
      title="Import a trace"
      onClose={props.onClose}
      className="trace-import"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" onClick={() => void act('match')} disabled={!read.ok || busy}>
            Match to the open workflow{flagged > 0 ? ` (${flagged} flagged)` : ''}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void act('new')}
            disabled={!read.ok || busy}
          >
            Open as a new workflow
          </button>
        </>
      }
    >
      <p className="trace-import__source">From {props.file.name}</p>
      {!read.ok && <p role="alert">{read.error}</p>}
      {problem && <p role="alert">{problem}</p>}
      {read.ok && (
        <>
          <p>
            <strong>{FORMAT_LABELS[read.alone.format]}</strong>: {summary(read.alone)}.
          </p>
          <TraceNoteList notes={read.matched.notes} />
        </>
      )}
    </Dialog>
  );
}

function summary(imported: Imported): string {
  const { workflow, events } = imported;
  const calls = events.filter((e) => e.type === 'agent_started').length;
  const handoffs = events.filter((e) => e.type === 'handoff').length;
  return (
    `${workflow.agents.length} agents, ${workflow.handoffs.length} handoff edges; ` +
    `${calls} model calls, ${handoffs} handoffs taken, ${events.length} events`
  );
}
