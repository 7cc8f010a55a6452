/**
 * The checked-in Agent Framework traces (test/fixtures/traces/af/) are what the real framework
 * writes today: regenerated here (test/support/afTrace.ts) and compared in shape — the same spans
 * with the same attribute keys, importing as the same run — ids, times and ports aside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine';
import { importTrace } from '../../src/import/trace';
import { afTrace } from '../support/afTrace';
import { AF_FIXTURES, FIXTURE_DIR } from '../support/afTraceFixtures';

interface Span {
  name: string;
  parentSpanId?: string;
  attributes: Array<{ key: string }>;
}

/** Span names with their sorted attribute keys, in file order. */
function shape(text: string): string[] {
  const otlp = JSON.parse(text) as {
    resourceSpans: Array<{ scopeSpans: Array<{ spans: Span[] }> }>;
  };
  return otlp.resourceSpans
    .flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))
    .map(
      (s) =>
        `${s.name} ${s.parentSpanId ? '' : '(root) '}[${s.attributes
          .map((a) => a.key)
          .sort()
          .join(',')}]`,
    )
    .sort();
}

/** The run without what differs between two runs: generated ids and measured durations. */
const stable = (events: RunEvent[]) =>
  events.map((e) => {
    if (e.type === 'usage') {
      expect(e.durationMs).toBeGreaterThanOrEqual(0);
      return { ...e, durationMs: 0 };
    }
    if (e.type === 'run_started') return { ...e, runId: '' };
    if (e.type === 'approval_requested' || e.type === 'approval_resolved') {
      return { ...e, requestId: '' };
    }
    return e;
  });

describe('checked-in Agent Framework traces', () => {
  it.each(AF_FIXTURES)(
    '$file has the shape AF writes today',
    async ({ file, request }) => {
      const checkedIn = readFileSync(join(FIXTURE_DIR, file), 'utf8');
      // Made anew, never from the cache: the point is what AF writes now.
      const fresh = await afTrace(request, true);
      expect(shape(checkedIn)).toEqual(shape(fresh.text));
      const a = importTrace(checkedIn);
      const b = importTrace(fresh.text);
      expect(stable(a.events)).toEqual(stable(b.events));
      expect(a.workflow).toEqual(b.workflow);
      const notes = (list: typeof a.notes) => list.map(({ spanId: _, ...n }) => n);
      expect(notes(a.notes)).toEqual(notes(b.notes));
    },
    600_000,
  );
});
