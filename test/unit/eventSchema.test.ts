/** The event stream's one schema: every event the engine emits conforms; the published file is current. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runEventSchema } from '../../src/engine/eventSchema';
import { EVENT_SCHEMA_FILE, eventSchemaFileText } from '../../scripts/eventSchemaFile';
import { makeDoc, runScripted } from '../support/engineHarness';

const events = z.array(runEventSchema);

describe('run event schema', () => {
  it('accepts every event of runs that touch every kind of reply', async () => {
    const doc = makeDoc({
      agents: [{ name: 'a', tools: ['refund'] }, 'b'],
      handoffs: [['a', 'b']],
      tools: [{ name: 'refund', approval: 'always_require', result: 'Refunded {{order}}.' }],
    });
    const { events: stream } = await runScripted({
      doc,
      script: {
        a: [
          { text: 'Checking.', toolCalls: [{ name: 'refund', arguments: { order: '7' } }] },
          {
            toolCalls: [
              { name: 'nope', arguments: '{"broken":' },
              { name: 'handoff_to_b', arguments: { reason: 'done' } },
              { name: 'handoff_to_b', arguments: {} },
            ],
          },
        ],
        b: [
          { toolCalls: [{ name: 'handoff_to_a', arguments: {} }] },
          { text: 'Bye.', usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 } },
        ],
      },
      decisions: [false],
      inputs: [{ end: true }],
    });
    const types = new Set(stream.map((e) => e.type));
    for (const t of ['tool_call', 'tool_result', 'warning', 'handoff', 'approval_resolved'])
      expect(types).toContain(t);
    const parsed = events.safeParse(stream);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('refuses an event with a missing or mistyped field, naming its path', () => {
    const bad = events.safeParse([
      { seq: 1, type: 'run_started', runId: 'r' },
      { seq: 2, type: 'handoff', from: 'a' },
    ]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual([1, 'to']);
    expect(events.safeParse([{ seq: 0, type: 'stopped' }]).success).toBe(false);
    expect(events.safeParse([{ seq: 1, type: 'teleported' }]).success).toBe(false);
  });

  it('accepts fields it does not know (the stream grows by additions)', () => {
    expect(events.safeParse([{ seq: 1, type: 'stopped', why: 'later' }]).success).toBe(true);
  });

  it('is published as written by npm run schema', () => {
    expect(readFileSync(EVENT_SCHEMA_FILE, 'utf8')).toBe(eventSchemaFileText());
  });
});
