/**
 * Pure parts of the trace benchmark, run in Node and (bundled) in Chromium: a synthetic run of
 * N events over a graph of A agents, and the measurements of the trace reducer and timeline.
 */
import type { RunEvent, RunEventBody } from '../src/engine';
import { chatItems, traceForAgent, traceForEdge, TraceTimeline } from '../src/trace';

/**
 * A deterministic run: a random walk over `agents` agents (agent_0 …), each turn streaming a
 * few words, sometimes calling a tool (now and then with an approval), then handing off; a
 * checkpoint after every reply, an input request and reply every so often.
 */
export function syntheticRun(agents: number, count: number): RunEvent[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const events: RunEvent[] = [];
  const push = (body: RunEventBody) => events.push({ seq: events.length + 1, ...body } as RunEvent);
  push({ type: 'run_started', runId: 'bench' });
  push({ type: 'user_message', text: 'Start the benchmark run.' });
  let agent = 'agent_0';
  let request = 0;
  let turn = 0;
  while (events.length < count) {
    turn++;
    push({ type: 'agent_started', agent });
    const words = 3 + Math.floor(random() * 6);
    let text = '';
    for (let w = 0; w < words; w++) {
      const delta = `word${w} `;
      text += delta;
      push({ type: 'text_delta', agent, delta });
    }
    push({ type: 'message', agent, text });
    if (turn % 3 === 0) {
      const callId = `call-${turn}`;
      const args = { id: String(turn) };
      push({ type: 'tool_call', agent, callId, name: 'tool_1', arguments: args });
      if (turn % 9 === 0) {
        const requestId = `req-${++request}`;
        push({
          type: 'approval_requested',
          requestId,
          agent,
          callId,
          name: 'tool_1',
          arguments: args,
        });
        push({ type: 'approval_resolved', requestId, approved: turn % 2 === 0 });
      }
      push({ type: 'tool_result', agent, callId, name: 'tool_1', result: 'done', isError: false });
    }
    if (turn % 25 === 0) {
      const requestId = `req-${++request}`;
      push({ type: 'input_requested', requestId, agent });
      push({ type: 'user_message', text: `Reply ${turn}` });
    } else {
      const target = `agent_${Math.floor(random() * agents)}`;
      if (target !== agent) {
        const callId = `h-${turn}`;
        const name = `handoff_to_${target}`;
        push({ type: 'tool_call', agent, callId, name, arguments: { reason: `turn ${turn}` } });
        push({ type: 'tool_result', agent, callId, name, result: '{}', isError: false });
        push({ type: 'handoff', from: agent, to: target, reason: `turn ${turn}` });
        agent = target;
      }
    }
    push({ type: 'checkpoint_saved', checkpointId: `cp-${events.length + 1}` });
  }
  return events.slice(0, count);
}

export interface TraceFigures {
  events: number;
  /**
   * Per event, live: append to the timeline and read the active agent's and edge's overlay
   * (median and p95 over batches of 25 events, per event).
   */
  eventMedianMs: number;
  eventP95Ms: number;
  /** Scrubbing end → start, one event per step: the state and the chat as it was. */
  scrubStepsPerSecond: number;
  scrubMedianMs: number;
  scrubP95Ms: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? NaN;

/** Measures the reducer live (event → state) and the timeline scrubbed from end to start. */
export function measureTrace(events: readonly RunEvent[]): TraceFigures {
  // Timed in batches of 25 events: one event takes less than the browser's timer resolution.
  const perEvent: number[] = [];
  const timeline = new TraceTimeline();
  const BATCH = 25;
  for (let i = 0; i < events.length; i += BATCH) {
    const batch = events.slice(i, i + BATCH);
    const start = performance.now();
    for (const event of batch) {
      const state = timeline.append(event);
      const active = state.activeAgent;
      if (active !== undefined) traceForAgent(state, active);
      if (state.lastHandoff)
        traceForEdge(state, state.lastHandoff.source, state.lastHandoff.target);
    }
    perEvent.push((performance.now() - start) / batch.length);
  }
  const steps: number[] = [];
  const begin = performance.now();
  for (let k = timeline.length; k >= 0; k--) {
    const start = performance.now();
    const state = timeline.stateAt(k);
    chatItems(state);
    steps.push(performance.now() - start);
  }
  const total = performance.now() - begin;
  perEvent.sort((a, b) => a - b);
  steps.sort((a, b) => a - b);
  return {
    events: events.length,
    eventMedianMs: quantile(perEvent, 0.5),
    eventP95Ms: quantile(perEvent, 0.95),
    scrubStepsPerSecond: (steps.length / total) * 1000,
    scrubMedianMs: quantile(steps, 0.5),
    scrubP95Ms: quantile(steps, 0.95),
  };
}
