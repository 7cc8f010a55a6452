import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, ModelRequest, ToolSpec } from '../../src/engine';
import { buildTopology, parseWorkflowText, toolCatalogue, type Workflow } from '../../src/model';
import { createSimulatorProvider, simulateReply, wordsOf } from '../../src/providers/simulator';
import { makeDoc, outline, runScripted } from '../support/engineHarness';

function example(name: string): Workflow {
  const parsed = parseWorkflowText(readFileSync(`public/examples/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error('example must parse');
  return parsed.doc;
}

function requestFor(doc: Workflow, agent: string, messages: ChatMessage[]): ModelRequest {
  const tools: ToolSpec[] = toolCatalogue(doc, buildTopology(doc), agent).map(
    ({ name, description, parameters }) => ({
      name,
      description,
      parameters,
    }),
  );
  return {
    agent,
    callIndex: 0,
    model: undefined,
    temperature: undefined,
    messages,
    tools,
    signal: new AbortController().signal,
    onTextDelta: () => {},
  };
}

describe('simulator', () => {
  const doc = example('customer_support');

  it('hands off to the best-matching target (edge, target description and name)', () => {
    const route = (text: string) =>
      simulateReply(requestFor(doc, 'triage_agent', [{ role: 'user', content: text }]), doc)
        .toolCalls?.[0]?.name;
    expect(route('I want a refund for order 123')).toBe('handoff_to_refund_agent');
    expect(route('Where is my order 55? It has not arrived')).toBe('handoff_to_order_agent');
    expect(route('I would like to send this item back and exchange it')).toBe(
      'handoff_to_return_agent',
    );
    expect(route('Hello there')).toBeUndefined();
  });

  it('matches without the document too, from the tool descriptions and names', () => {
    const request = requestFor(doc, 'triage_agent', [{ role: 'user', content: 'refund please' }]);
    expect(simulateReply(request).toolCalls?.[0]?.name).toBe('handoff_to_refund_agent');
  });

  it('does not hand back to an agent that already spoke on the latest user message', () => {
    const mesh = makeDoc({
      agents: [
        { name: 'billing', description: 'Billing and invoices.' },
        { name: 'support', description: 'Technical support for invoices and billing.' },
      ],
    });
    const messages: ChatMessage[] = [
      { role: 'user', content: 'My billing invoice is wrong' },
      { role: 'assistant', content: '[simulated] Handing you over to support.', name: 'billing' },
    ];
    const reply = simulateReply(requestFor(mesh, 'support', messages), mesh);
    expect(reply.toolCalls).toBeUndefined();
    expect(reply.text).toContain('simulated');
  });

  it('calls a matching tool with a number taken from the message, or asks for a missing one', () => {
    const refund = (content: string) =>
      simulateReply(requestFor(doc, 'refund_agent', [{ role: 'user', content }]), doc);
    expect(refund('Refund order 123 please')).toEqual({
      toolCalls: [{ name: 'process_refund', arguments: { order_number: '123' } }],
    });
    expect(refund('I want a refund')).toEqual({
      text: '[simulated] Could you give me the order number?',
    });
    expect(refund('123')).toEqual({
      toolCalls: [{ name: 'process_refund', arguments: { order_number: '123' } }],
    });
  });

  it('reports tool results after its own calls instead of calling again', () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: 'Refund order 5' },
      {
        role: 'assistant',
        content: null,
        toolCalls: [{ id: 'c', name: 'process_refund', arguments: '{}' }],
      },
      { role: 'tool', toolCallId: 'c', content: 'Refund processed for order 5.' },
    ];
    expect(simulateReply(requestFor(doc, 'refund_agent', messages), doc)).toEqual({
      text: '[simulated] Done. Refund processed for order 5.',
    });
  });

  it('answers with a short simulated text, streamed as several deltas', async () => {
    const deltas: string[] = [];
    const reply = await createSimulatorProvider({ document: doc }).complete({
      ...requestFor(doc, 'triage_agent', [{ role: 'user', content: 'Hello there' }]),
      onTextDelta: (d) => deltas.push(d),
    });
    expect(reply.text).toMatch(/^\[simulated\] triage_agent here\./);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(reply.text);
  });

  it('is deterministic: the same run twice gives the same events', async () => {
    const run = () =>
      runScripted({
        doc,
        provider: createSimulatorProvider({ document: doc }),
        input: 'Where is my order 77?',
        inputs: [{ end: true }],
      });
    const [first, second] = [await run(), await run()];
    expect(first.events).toEqual(second.events);
    expect(outline(first.events)).toContain(
      'tool_result order_agent check_order_status: Order 77 shipped yesterday and arrives in 2 days.',
    );
  });

  it('ignores stopwords, short words and plural endings when matching', () => {
    expect([...wordsOf('I want the refunds for my Orders, please!')]).toEqual(['refund', 'order']);
  });
});
