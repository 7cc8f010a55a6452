/**
 * Our own OTLP export read back (docs/spec/export-otlp.md#reading-it-back): the run's events from
 * the `handoff_studio.event` span events (checked against the event schema), the workflow from
 * the root span. The GenAI spans beside them are for other tools and are not needed here.
 */
import type { RunEvent } from '../../engine/events';
import { runEventSchema } from '../../engine/eventSchema';
import { parseWorkflowText, type Workflow } from '../../model';
import { matchToWorkflow } from './match';
import { EVENT_NAME, OUR_ATTR } from './otlpExport';
import type { OtlpSpan } from './otlpSpans';
import { text } from './otlpSpans';
import { invalidTrace } from './read';
import type { TraceImport, TraceNote } from './types';

export function importOurOtlp(spans: OtlpSpan[], read: TraceNote[], open?: Workflow): TraceImport {
  const events: RunEvent[] = [];
  let document: string | undefined;
  for (const span of spans) {
    document ??= text(span, OUR_ATTR.workflow);
    for (const event of span.events) {
      if (event.name !== EVENT_NAME) continue;
      const raw = event.attributes.get(OUR_ATTR.event);
      let value: unknown;
      try {
        value = typeof raw === 'string' ? JSON.parse(raw) : undefined;
      } catch {
        value = undefined;
      }
      const parsed = runEventSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalidTrace(
          `span ${span.spanId} carries an event that is not one of ours (${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'not an event'})`,
        );
      }
      events.push(parsed.data as RunEvent);
    }
  }
  if (document === undefined) throw invalidTrace('its workflow.run span holds no workflow');
  const doc = parseWorkflowText(document);
  if (!doc.ok) {
    throw invalidTrace(
      `its workflow is not valid (${doc.problems[0]?.message ?? 'unknown problem'})`,
    );
  }
  events.sort((a, b) => a.seq - b.seq);
  const notes: TraceNote[] = [
    ...read,
    {
      kind: 'recognised',
      code: 'handoff_studio_trace',
      message: `A run exported by Handoff Studio: ${events.length} events.`,
    },
  ];
  if (!open) return { format: 'otlp-handoff-studio', workflow: doc.doc, events, notes };
  const matched = matchToWorkflow(events, open);
  return {
    format: 'otlp-handoff-studio',
    workflow: open,
    events: matched.events.map((e, i) => ({ ...e, seq: i + 1 }) as RunEvent),
    notes: [...notes, ...matched.notes],
  };
}
