/**
 * Real usage from the `openai` SDK reaches the run's `usage` events: the counts the server
 * reports (not estimated), with the call's duration; a server that reports none gets an
 * estimate, flagged, so the call's time still shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startRun, type EventOf } from '../../src/engine';
import { createOpenAIProvider } from '../../src/providers/openai';
import { reply, startOpenAIServer, type OpenAIServer } from '../support/openaiServer';
import { drive, makeDoc } from '../support/engineHarness';
import { reduceAll } from '../../src/trace';

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function runOnce(scripted: Parameters<typeof reply>[1]) {
  server = await startOpenAIServer({ script: [reply('Hello there, how can I help?', scripted)] });
  const provider = createOpenAIProvider({
    baseURL: server.baseURL,
    apiKey: 'k',
    model: 'gpt-test',
    maxRetries: 0,
  });
  const handle = startRun({ document: makeDoc({ agents: ['a'] }), provider, input: 'Hi' });
  const { events } = await drive(handle, { inputs: [{ end: true }] });
  const usage = events.filter((e): e is EventOf<'usage'> => e.type === 'usage');
  return { events, usage };
}

describe('openai provider: usage of each call', () => {
  it('reports the server usage with the call duration and index', async () => {
    const { events, usage } = await runOnce({
      usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
      delayMs: 30,
    });
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({
      agent: 'a',
      promptTokens: 42,
      completionTokens: 7,
      totalTokens: 49,
      callIndex: 0,
    });
    expect(usage[0]!.estimated).toBeUndefined();
    // Six text deltas 30 ms apart: the call took at least 150 ms of the engine's clock.
    expect(usage[0]!.durationMs).toBeGreaterThanOrEqual(150);
    expect(reduceAll(events).usage).toMatchObject({ calls: 1, totalTokens: 49, estimated: false });
  });

  it('estimates when the server reports no usage', async () => {
    const { usage } = await runOnce({ usage: null });
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ agent: 'a', estimated: true, callIndex: 0 });
    expect(usage[0]!.completionTokens).toBe(Math.ceil('Hello there, how can I help?'.length / 4));
  });
});
