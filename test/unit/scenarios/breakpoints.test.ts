import { describe, expect, it } from 'vitest';
import { startRun, MemoryCheckpointStore, type RunEvent } from '../../../src/engine';
import { createScriptProvider } from '../../../src/providers/script';
import { makeDoc } from '../../support/engineHarness';

const doc = makeDoc({
  agents: ['a', 'b', 'c'],
  handoffs: [
    ['a', 'b'],
    ['b', 'c'],
  ],
});
const script = {
  a: [{ text: 'to b', toolCalls: [{ name: 'handoff_to_b', arguments: {} }] }],
  b: [{ toolCalls: [{ name: 'handoff_to_c', arguments: {} }] }],
  c: [{ text: 'done' }],
};

/** Starts a run and collects its events; `onPause` is called at each breakpoint event. */
function run(
  breakpoints: Parameters<typeof startRun>[0]['breakpoints'],
  onPause: (handle: ReturnType<typeof startRun>, event: RunEvent) => void,
) {
  const events: RunEvent[] = [];
  const handle = startRun({
    document: doc,
    provider: createScriptProvider(script),
    input: 'hi',
    store: new MemoryCheckpointStore(),
    breakpoints,
  });
  handle.subscribe((event) => {
    events.push(event);
    if (event.type === 'input_requested') handle.suspend();
    // answer asynchronously, as a person would
    if (event.type === 'breakpoint') queueMicrotask(() => onPause(handle, event));
  });
  return { handle, events };
}

const compact = (events: RunEvent[]) =>
  events
    .filter((e) =>
      ['agent_started', 'handoff', 'breakpoint', 'breakpoint_released'].includes(e.type),
    )
    .map((e) => {
      if (e.type === 'agent_started') return `call ${e.agent}`;
      if (e.type === 'handoff') return `handoff ${e.from}>${e.to}`;
      if (e.type === 'breakpoint') return `pause ${e.kind} ${e.agent}${e.to ? `>${e.to}` : ''}`;
      return `release ${(e as { mode: string }).mode}`;
    });

describe('breakpoints', () => {
  it("pause before an agent's model call and before a handoff over an edge; Continue goes on", async () => {
    const { handle, events } = run({ agents: ['b'], edges: [{ source: 'b', target: 'c' }] }, (h) =>
      expect(h.continue()).toBe(true),
    );
    const outcome = await handle.done;
    expect(outcome.status).toBe('paused');
    expect(compact(events)).toEqual([
      'call a',
      'handoff a>b',
      'pause agent b',
      'release continue',
      'call b',
      'pause edge b>c',
      'release continue',
      'handoff b>c',
      'call c',
    ]);
  });

  it('Step pauses again before the next model call, whoever makes it', async () => {
    let pauses = 0;
    const { handle, events } = run({ agents: ['a'] }, (h) => {
      pauses++;
      expect(pauses === 1 ? h.step() : h.continue()).toBe(true);
    });
    await handle.done;
    expect(compact(events)).toEqual([
      'pause agent a',
      'release step',
      'call a',
      'handoff a>b',
      'pause step b',
      'release continue',
      'call b',
      'handoff b>c',
      'call c',
    ]);
  });

  it('breakpoints can change during the run, and Stop at a breakpoint stops cleanly', async () => {
    const { handle, events } = run({ agents: ['a'] }, (h, e) => {
      if (e.type === 'breakpoint' && e.agent === 'a') {
        h.setBreakpoints({ agents: ['c'] });
        h.continue();
      } else h.stop();
    });
    const outcome = await handle.done;
    expect(outcome.status).toBe('stopped');
    expect(compact(events).slice(-2)).toEqual(['handoff b>c', 'pause agent c']);
    expect(events.at(-1)).toMatchObject({ type: 'stopped' });
    expect(events.filter((e) => e.type === 'agent_started' && e.agent === 'c')).toEqual([]);
  });

  it('continue() and step() return false when not paused', () => {
    const { handle } = run(undefined, () => undefined);
    expect(handle.continue()).toBe(false);
    expect(handle.step()).toBe(false);
    handle.stop();
  });
});
