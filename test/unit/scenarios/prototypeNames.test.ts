/**
 * Agents named like members of Object.prototype (`constructor`, `toString`, `valueOf`,
 * `hasOwnProperty`) are valid names: every name-keyed lookup in the engine, the script provider,
 * the trace and validation must treat them as any other name.
 */
import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '../../../src/model';
import { runToScript } from '../../../src/engine';
import { createScriptProvider } from '../../../src/providers/script';
import { reduceAll, traceForAgent, traceForEdge } from '../../../src/trace';
import { makeDoc, outline, runScripted } from '../../support/engineHarness';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;

describe.each(NAMES)('an agent named %s', (name) => {
  const doc = makeDoc({
    agents: ['start', name],
    handoffs: [['start', name]],
    interaction: { mode: 'autonomous', autonomousAgents: [name] },
  });
  const script = {
    start: [{ toolCalls: [{ name: `handoff_to_${name}`, arguments: {} }] }],
    [name]: Array.from({ length: 60 }, (_, i) => ({ text: `turn ${i}` })),
  };

  it('validates, runs its full autonomous turn limit, and is traced', async () => {
    expect(validateWorkflow(doc).filter((i) => i.severity === 'error')).toEqual([]);
    const { events, outcome } = await runScripted({ doc, script, inputs: [{ end: true }] });
    expect(outcome.status).not.toBe('failed');
    const calls = events.filter((e) => e.type === 'agent_started' && e.agent === name);
    // The default autonomous turn limit is 50 continuations: 51 model calls.
    expect(calls.length).toBe(51);
    const state = reduceAll(events);
    expect(traceForAgent(state, name).visits).toBe(1);
    expect(traceForEdge(state, 'start', name).count).toBe(1);
    expect(traceForAgent(state, 'somebody else').visits).toBe(0);
  });

  it('replays from its recorded script with the same events', async () => {
    const first = await runScripted({ doc, script, inputs: [{ end: true }] });
    const replay = await runScripted({
      doc,
      provider: createScriptProvider(runToScript(first.events)),
      inputs: [{ end: true }],
    });
    expect(outline(replay.events)).toEqual(outline(first.events));
  });
});
