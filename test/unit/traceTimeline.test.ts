/** The trace timeline: the state at any event equals folding the events up to it. */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine';
import { reduceAll, TraceTimeline } from '../../src/trace';

/** A synthetic ping-pong run of about `n` events between a and b, with texts and tools. */
function pingPong(n: number): RunEvent[] {
  const events: RunEvent[] = [
    { seq: 1, type: 'run_started', runId: 'r' },
    { seq: 2, type: 'user_message', text: 'go' },
  ];
  let agent = 'a';
  while (events.length < n) {
    const other = agent === 'a' ? 'b' : 'a';
    const push = (e: Record<string, unknown>) =>
      events.push({ ...e, seq: events.length + 1 } as unknown as RunEvent);
    push({ type: 'agent_started', agent });
    for (const word of ['one ', 'two ', 'three']) push({ type: 'text_delta', agent, delta: word });
    push({ type: 'message', agent, text: 'one two three' });
    const callId = `c${events.length}`;
    push({ type: 'tool_call', agent, callId, name: `handoff_to_${other}`, arguments: {} });
    push({
      type: 'tool_result',
      agent,
      callId,
      name: `handoff_to_${other}`,
      result: '{}',
      isError: false,
    });
    push({ type: 'handoff', from: agent, to: other, reason: `turn ${events.length}` });
    push({ type: 'checkpoint_saved', checkpointId: `cp-${events.length + 1}` });
    agent = other;
  }
  return events;
}

describe('TraceTimeline', () => {
  it('gives the state after any number of events, stepping either way', () => {
    const events = pingPong(300);
    const timeline = new TraceTimeline(events, 8);
    expect(timeline.length).toBe(events.length);
    expect(timeline.latest).toEqual(reduceAll(events));
    for (const k of [0, 1, 7, 8, 9, 150, 299, events.length, 64, 3, 200]) {
      expect(timeline.stateAt(k)).toEqual(reduceAll(events.slice(0, k)));
    }
    // backwards from the end, one event at a time
    for (let k = events.length; k >= events.length - 20; k--) {
      expect(timeline.stateAt(k).eventCount).toBe(k);
    }
    expect(timeline.stateAt(-5).eventCount).toBe(0);
    expect(timeline.stateAt(10_000)).toBe(timeline.latest);
  });

  it('drops an abandoned future when a resume continues from an earlier checkpoint', () => {
    const events = pingPong(100);
    const timeline = new TraceTimeline(events, 16);
    const checkpoint = events.find((e) => e.type === 'checkpoint_saved' && e.seq > 40)!;
    const resumed: RunEvent = {
      seq: checkpoint.seq + 1,
      type: 'run_resumed',
      runId: 'r',
      checkpointId: (checkpoint as { checkpointId: string }).checkpointId,
    };
    timeline.append(resumed);
    const expected = [...events.slice(0, checkpoint.seq), resumed];
    expect(timeline.events).toEqual(expected);
    expect(timeline.latest).toEqual(reduceAll(expected));
    expect(timeline.stateAt(20)).toEqual(reduceAll(expected.slice(0, 20)));
  });

  it('steps back through 5,000 events quickly', () => {
    const events = pingPong(5000);
    const timeline = new TraceTimeline(events);
    const started = performance.now();
    for (let k = timeline.length; k >= 0; k--) timeline.stateAt(k);
    const perStep = (performance.now() - started) / (timeline.length + 1);
    // 60 steps per second leaves 16 ms a step; the snapshots keep it far below (bench/trace.ts).
    expect(perStep).toBeLessThan(16);
  });
});
