/**
 * OTLP/JSON traces: Agent Framework's (the GenAI conventions as AF writes them) and our own export
 * (docs/spec/export-otlp.md), which carries every event of the run on its spans.
 */
import type { RunEvent, RunEventBody } from '../../engine/events';
import type { Workflow } from '../../model/schema';
import { afEvents } from './afEvents';
import { offersHandoffs } from './afParts';
import { afWorkflow } from './afGraph';
import { ATTR, operationOf } from './genai';
import { matchToWorkflow } from './match';
import { readOtlpSpans } from './otlpSpans';
import { text } from './otlpSpans';
import { importOurOtlp } from './ourOtlp';
import { invalidTrace } from './read';
import type { TraceImport, TraceNote } from './types';

export function importOtlpTrace(
  values: unknown[],
  format: 'otlp-agent-framework' | 'otlp-handoff-studio',
  open?: Workflow,
): TraceImport {
  const { spans, notes: read } = readOtlpSpans(values);
  if (format === 'otlp-handoff-studio') return importOurOtlp(spans, read, open);
  const invokes = spans.filter((s) => operationOf(s) === 'invoke_agent');
  if (invokes.length === 0) {
    throw invalidTrace('it holds no invoke_agent span (no agent answered in it)');
  }
  const terminal = new Set(
    invokes.filter((s) => !offersHandoffs(s)).map((s) => text(s, ATTR.agentName) ?? ''),
  );
  const keywords = open?.termination.keywords ?? [];
  const run = afEvents(spans, (agent, said) => {
    if (said !== undefined && keywords.some((k) => said.toLowerCase().includes(k.toLowerCase()))) {
      return 'termination_condition';
    }
    return terminal.has(agent) ? 'terminal_agent' : undefined;
  });
  const graph = afWorkflow(spans, run.approvalTools);
  const notes: TraceNote[] = [
    ...read,
    {
      kind: 'recognised',
      code: 'agent_framework_trace',
      message: `An Agent Framework trace: ${invokes.length} agent invocation(s), ${spans.length} spans.`,
    },
    ...graph.notes,
    ...run.notes,
  ];
  if (!open) return { format, workflow: graph.workflow, events: numbered(run.events), notes };
  const matched = matchToWorkflow(run.events, open);
  return {
    format,
    workflow: open,
    events: numbered(matched.events),
    notes: [...notes.filter((n) => n.code !== 'settings_not_in_trace'), ...matched.notes],
  };
}

/** `seq` 1, 2, 3 … as every run of ours. */
export const numbered = (events: RunEventBody[]): RunEvent[] =>
  events.map((event, index) => ({ ...event, seq: index + 1 }) as RunEvent);
