/**
 * The model input of every turn, rebuilt from the events (src/trace/modelInput.ts), equals what
 * the provider was really given: recorded by a provider that wraps the simulator or a script.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, ModelProvider, RunEvent } from '../../src/engine';
import { parseWorkflowText, type Workflow } from '../../src/model';
import { createScriptProvider } from '../../src/providers/script';
import { createSimulatorProvider } from '../../src/providers/simulator';
import { modelInputAt } from '../../src/trace';
import { makeDoc, runScripted } from '../support/engineHarness';

/** Wraps a provider, keeping a copy of every model input it gets. */
function recording(inner: ModelProvider) {
  const inputs: ChatMessage[][] = [];
  const provider: ModelProvider = {
    id: inner.id,
    complete: (request) => {
      inputs.push(structuredClone([...request.messages]));
      return inner.complete(request);
    },
  };
  return { provider, inputs };
}

function rebuilt(events: RunEvent[], doc: Workflow): ChatMessage[][] {
  return events.flatMap((e, i) => {
    if (e.type !== 'agent_started') return [];
    const agent = doc.agents.find((a) => a.name === e.agent)!;
    return [
      modelInputAt(events, i, {
        instructions: agent.instructions,
        autonomousPrompt: doc.interaction.autonomousPrompt,
      }),
    ];
  });
}

describe('model input of a turn', () => {
  it('is rebuilt exactly for customer support with approvals and replies', async () => {
    const parsed = parseWorkflowText(readFileSync('public/examples/customer_support.json', 'utf8'));
    if (!parsed.ok) throw new Error('example');
    const doc = parsed.doc;
    const { provider, inputs } = recording(createSimulatorProvider({ document: doc }));
    const { events } = await runScripted({
      doc,
      provider,
      input: 'I want a refund for order 5',
      decisions: [false, true],
      inputs: ['refund order 6 then', 'and where is order 7?', 'thanks'],
    });
    expect(inputs.length).toBeGreaterThan(4);
    expect(rebuilt(events, doc)).toEqual(inputs);
  });

  it('is rebuilt exactly with private tool calls, handoffs and autonomous continuations', async () => {
    const doc = makeDoc({
      agents: [{ name: 'a', tools: ['t'] }, 'b'],
      handoffs: [
        ['a', 'b'],
        ['b', 'a'],
      ],
      tools: [{ name: 't', result: 'T({{x}})' }],
      interaction: { mode: 'autonomous', turnLimits: { a: 1, b: 2 } },
    });
    const script = {
      a: [
        { text: 'calling t', toolCalls: [{ name: 't', arguments: { x: 1 } }] },
        {
          toolCalls: [
            { name: 't', arguments: { x: 2 } },
            { name: 'handoff_to_b', arguments: {} },
          ],
        },
        { text: 'a again' },
        { text: 'a continues' },
      ],
      b: [
        { text: 'b first' },
        { text: 'b second' },
        { toolCalls: [{ name: 'handoff_to_a', arguments: { reason: 'back' } }] },
      ],
    };
    const { provider, inputs } = recording(createScriptProvider(script));
    const { events } = await runScripted({ doc, provider, inputs: ['bye'] });
    expect(rebuilt(events, doc)).toEqual(inputs);
    // It did continue autonomously, and kept its tool calls private.
    const prompts = inputs
      .flat()
      .filter((m) => m.role === 'user' && m.content === doc.interaction.autonomousPrompt);
    expect(prompts.length).toBeGreaterThan(0);
    expect(inputs.some((input) => input.some((m) => m.role === 'tool'))).toBe(true);
  });

  it('refuses an index that is not a model call', () => {
    expect(() =>
      modelInputAt([{ seq: 1, type: 'run_started', runId: 'r' }], 0, {
        instructions: '',
        autonomousPrompt: '',
      }),
    ).toThrow(/not the start of a model call/);
  });
});
