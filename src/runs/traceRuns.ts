/**
 * Framework traces in the app (docs/spec/import-trace.md) and runs out as OTLP
 * (docs/spec/export-otlp.md). An imported trace is kept as an imported run — the recovered or
 * matched workflow as its document, its events, no checkpoints — so it is opened, stepped through
 * on the canvas and the timeline, and replayed exactly like an imported run file. Its notes stay
 * with the record (`meta.traceNotes`).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RunEvent } from '../engine/events';
import { documentHash } from '../engine/hash';
import { HandoffStudioError } from '../engine/errors';
import type { CheckpointStore, RunRecord } from '../engine/store';
import type { StoredRunStatus } from '../engine/runStatus';
import { importTrace, type TraceImport, type TraceNote } from '../import/trace';
import { exportRunOtlp, otlpText } from '../import/trace/otlpExport';
import { parseWorkflowText, serializeWorkflow, type Workflow } from '../model';
import { WORKFLOW_ID } from './owner';
import type { ImportedRunRecord } from './runFile';

/** `RunRecord.meta` keys of an imported trace. */
export const TRACE_META = { notes: 'traceNotes', format: 'traceFormat' } as const;

export interface TraceRunsOptions {
  store: CheckpointStore;
  /** Shows a stored run (the run controller's `open`). */
  open(runId: string): Promise<unknown>;
  /** ISO time for the record (tests inject theirs). */
  now?: () => string;
}

/** A trace file picked or dropped, waiting for the person to choose what to do with it. */
export interface OfferedTrace {
  file: { name: string; text: string } | undefined;
}

export class TraceRuns {
  private readonly now: () => string;
  /** The trace file offered for import (the dialog shows it), if any. */
  readonly offered: StoreApi<OfferedTrace> = createStore<OfferedTrace>(() => ({ file: undefined }));
  constructor(private readonly options: TraceRunsOptions) {
    this.now = options.now ?? (() => new Date().toISOString());
  }

  /** Offers a trace file for import (picked or dropped). */
  offer(name: string, text: string): void {
    this.offered.setState({ file: { name, text } });
  }

  dismissOffer(): void {
    this.offered.setState({ file: undefined });
  }

  /** Reads a trace file, matched to `open` when given. Nothing is stored. */
  read(text: string, open?: Workflow): TraceImport {
    return importTrace(text, open);
  }

  /**
   * Keeps an imported trace as an imported run of the library workflow `workflowId` and shows it.
   * A trace imported twice is two runs (its id gets a suffix).
   */
  async keep(imported: TraceImport, workflowId?: string): Promise<RunRecord> {
    const { store } = this.options;
    const first = imported.events[0];
    const base = first?.type === 'run_started' ? first.runId : `trace-${Date.now()}`;
    let runId = base;
    for (let n = 2; await store.getRun(runId); n++) runId = `${base}-${n}`;
    const events = imported.events.map((e) =>
      e.type === 'run_started' ? { ...e, runId } : e,
    ) as RunEvent[];
    const now = this.now();
    const record: ImportedRunRecord = {
      runId,
      workflowName: imported.workflow.name,
      docHash: documentHash(imported.workflow),
      document: serializeWorkflow(imported.workflow),
      provider: `trace:${imported.format}`,
      status: statusOf(events),
      startedAt: now,
      updatedAt: now,
      eventCount: events.length,
      itemCount: 0,
      meta: {
        ...(workflowId !== undefined ? { [WORKFLOW_ID]: workflowId } : {}),
        [TRACE_META.format]: imported.format,
        [TRACE_META.notes]: JSON.stringify(imported.notes),
      },
      imported: true,
    };
    await store.putRun(record);
    try {
      if (events.length > 0) await store.putEvents(runId, events);
    } catch (error) {
      await store.deleteRun(runId).catch(() => undefined);
      throw error;
    }
    await this.options.open(runId);
    return record;
  }

  /** The notes of an imported trace, or undefined for any other run. */
  async notesOf(runId: string): Promise<TraceNote[] | undefined> {
    const raw = (await this.options.store.getRun(runId))?.meta?.[TRACE_META.notes];
    if (raw === undefined) return undefined;
    try {
      const notes = JSON.parse(raw) as unknown;
      return Array.isArray(notes) ? (notes as TraceNote[]) : undefined;
    } catch {
      return undefined;
    }
  }

  /** A stored run as an OTLP/JSON file: its name and text. @throws `run_not_found`. */
  async otlpFile(runId: string): Promise<{ name: string; text: string }> {
    const { store } = this.options;
    const record = await store.getRun(runId);
    if (!record) throw new HandoffStudioError('run_not_found', `There is no run "${runId}" here.`);
    const doc = parseWorkflowText(record.document);
    if (!doc.ok) {
      throw new HandoffStudioError(
        'invalid_document',
        `The document of run "${runId}" cannot be read.`,
      );
    }
    const events = await store.getEvents(runId);
    const text = otlpText(exportRunOtlp(events, doc.doc, { runId, startedAt: record.startedAt }));
    const name = `${record.workflowName || 'workflow'}-${runId}.otlp.json`.replace(
      /[^\w.-]+/g,
      '_',
    );
    return { name, text };
  }
}

function statusOf(events: readonly RunEvent[]): StoredRunStatus {
  const last = events.at(-1);
  if (last?.type === 'completed') return 'completed';
  if (last?.type === 'failed') return 'failed';
  if (last?.type === 'input_requested' || last?.type === 'approval_requested') return 'paused';
  return 'stopped';
}
