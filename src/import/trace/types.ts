import type { Workflow } from '../../model/schema';
import type { RunEvent } from '../../engine/events';
export type TraceNoteKind = 'recognised' | 'missing' | 'flagged' | 'left_out';
export interface TraceNote {
  kind: TraceNoteKind;
  code: string;
  message: string;
  spanId?: string;
}
export interface TraceImport {
  format: 'otlp-agent-framework' | 'otlp-handoff-studio' | 'agents-sdk';
  workflow: Workflow;
  events: RunEvent[];
  notes: TraceNote[];
}
