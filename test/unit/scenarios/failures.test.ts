/** docs/spec/run-semantics.md#failures: failures, each ending the invocation with one `failed`; the user's Stop. */
import { describe, expect, it } from 'vitest';
import {
  HandoffStudioError,
  MemoryCheckpointStore,
  resumeRun,
  startRun,
  type ModelProvider,
} from '../../../src/engine';
import { createScriptProvider } from '../../../src/providers/script';
import { parseWorkflow } from '../../../src/model';
import { drive, makeDoc, outline, runScripted } from '../../support/engineHarness';

const never: ModelProvider = {
  id: 'never',
  complete: () => Promise.reject(new Error('the provider must not be called')),
};

describe('failure scenarios', () => {
  it('a document with validation errors fails with invalid_document before any model call', async () => {
    const parsed = parseWorkflow({
      format: 'handoff-workflow',
      version: 1,
      name: 'broken',
      startAgent: 'a',
      agents: [{ name: 'a', instructions: 'x' }],
      handoffs: [{ source: 'a', target: 'ghost' }],
    });
    if (!parsed.ok) throw new Error('fixture must parse');
    const { events, outcome } = await runScripted({ doc: parsed.doc, provider: never });
    expect(outline(events)).toEqual(['run_started', 'failed invalid_document']);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'invalid_document' } });
    if (outcome.status !== 'failed') throw new Error('unreachable');
    expect(outcome.error.message).toContain('handoffs[0].target');
  });

  it('script_exhausted comes right after the agent_started of the call with no entry', async () => {
    const doc = makeDoc({ agents: [{ name: 'a', tools: ['t'] }], tools: [{ name: 't' }] });
    const { events, outcome } = await runScripted({
      doc,
      script: { a: [{ toolCalls: [{ name: 't' }] }] },
    });
    expect(outline(events).slice(-4)).toEqual([
      'tool_result a t: t completed.',
      'checkpoint_saved',
      'agent_started a',
      'failed script_exhausted',
    ]);
    if (outcome.status !== 'failed') throw new Error('expected failure');
    expect(outcome.error.message).toContain('"a" was called for the 2nd time');
    expect(outcome.error.message).toContain('holds 1 reply');
  });

  it('a provider error fails the run with provider_error and the cause', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const provider: ModelProvider = {
      id: 'flaky',
      complete: () => Promise.reject(new Error('connection reset')),
    };
    const { events, outcome } = await runScripted({ doc, provider });
    expect(outline(events).slice(-2)).toEqual(['agent_started a', 'failed provider_error']);
    expect(outcome).toMatchObject({
      error: { code: 'provider_error', message: expect.stringContaining('connection reset') },
    });
  });

  it("a provider's own error code is kept (provider_rate_limited)", async () => {
    const doc = makeDoc({ agents: ['a'] });
    const provider: ModelProvider = {
      id: 'limited',
      complete: () =>
        Promise.reject(new HandoffStudioError('provider_rate_limited', 'Too many requests.')),
    };
    const { outcome } = await runScripted({ doc, provider });
    expect(outcome).toEqual({
      status: 'failed',
      runId: 'run-1',
      error: { code: 'provider_rate_limited', message: 'Too many requests.' },
    });
  });

  it('an empty opening message is refused', () => {
    const doc = makeDoc({ agents: ['a'] });
    expect(() => startRun({ document: doc, provider: never, input: '  ' })).toThrow(
      HandoffStudioError,
    );
  });

  it('Stop while streaming ends with stopped {} and keeps the last checkpoint', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const provider: ModelProvider = {
      id: 'slow',
      async complete(request) {
        request.onTextDelta('Hel');
        await new Promise((resolve) => setTimeout(resolve, 5));
        request.onTextDelta('lo');
        // Like a real SDK, this provider would go on unless aborted; it ignores the signal here.
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { text: 'Hello', toolCalls: [] };
      },
    };
    const store = new MemoryCheckpointStore();
    const handle = startRun({ document: doc, provider, input: 'hi', store, runId: 'r' });
    handle.subscribe((event) => {
      if (event.type === 'text_delta') handle.stop();
    });
    const { events, outcome } = await drive(handle);
    expect(outline(events, { deltas: true })).toEqual([
      'run_started',
      'user_message: hi',
      'checkpoint_saved',
      'agent_started a',
      'text_delta a "Hel"',
      'stopped',
    ]);
    expect(outcome).toEqual({ status: 'stopped', runId: 'r', checkpointId: 'cp-3' });
    expect((await store.getRun('r'))?.status).toBe('stopped');
  });

  it('an already-aborted signal stops the run before the first model call', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const controller = new AbortController();
    controller.abort();
    const handle = startRun({
      document: doc,
      provider: never,
      input: 'hi',
      signal: controller.signal,
    });
    const { events } = await drive(handle);
    expect(outline(events)).toEqual([
      'run_started',
      'user_message: hi',
      'checkpoint_saved',
      'stopped',
    ]);
  });

  it('Stop while waiting for input ends with stopped; resuming asks the same request again', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const store = new MemoryCheckpointStore();
    const provider = createScriptProvider({ a: [{ text: 'Question?' }] });
    const handle = startRun({ document: doc, provider, input: 'hi', store, runId: 'w' });
    handle.subscribe((event) => {
      if (event.type === 'checkpoint_saved' && handle.waiting.length > 0) handle.stop();
    });
    const first = await drive(handle);
    expect(outline(first.events).slice(-3)).toEqual([
      'input_requested req-1 a',
      'checkpoint_saved',
      'stopped',
    ]);
    expect(first.outcome).toEqual({ status: 'stopped', runId: 'w', checkpointId: 'cp-8' });
    const resumed = await resumeRun({ runId: 'w', store, document: doc, provider });
    expect(resumed.waiting).toEqual([{ kind: 'input', requestId: 'req-1', agent: 'a' }]);
    const second = await drive(resumed, { inputs: [{ end: true }] });
    expect(outline(second.events)).toEqual([
      'run_resumed cp-8',
      'input_requested req-1 a',
      'completed user_terminated',
    ]);
    // `stopped` was seq 9: the resume goes on at 10 (no seq twice over the run's life).
    expect(second.events.map((e) => e.seq)).toEqual([10, 11, 12]);
  });
});
