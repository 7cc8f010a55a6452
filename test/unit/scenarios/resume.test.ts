/** docs/spec/run-semantics.md#checkpoints-and-resume, docs/spec/events.md: checkpoints, resume from every kind of pause, Stop and resume, forks. */
import { describe, expect, it } from 'vitest';
import {
  HandoffStudioError,
  MemoryCheckpointStore,
  resumeRun,
  startRun,
  type ModelProvider,
  type RunEvent,
} from '../../../src/engine';
import { createScriptProvider } from '../../../src/providers/script';
import {
  drive,
  makeDoc,
  outline,
  range,
  resumeScripted,
  runScripted,
} from '../../support/engineHarness';

const END = { end: true } as const;

const refundDoc = () =>
  makeDoc({
    agents: [{ name: 'a', tools: ['refund'] }, 'b'],
    handoffs: [['a', 'b']],
    tools: [
      {
        name: 'refund',
        approval: 'always_require',
        parameters: { type: 'object', properties: { order: { type: 'string' } } },
        result: 'Refunded {{order}}.',
      },
    ],
  });

const refundScript = {
  a: [{ toolCalls: [{ name: 'refund', arguments: { order: '7' } }] }, { text: 'Refund done.' }],
};

const seqs = (events: readonly RunEvent[]) => events.map((e) => e.seq);

describe('resume scenarios', () => {
  it('resume from an input pause: run_resumed, the same request again, then the answer; seq continues', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const script = { a: [{ text: 'Question?' }, { text: 'Answer.' }] };
    const first = await runScripted({ doc, script });
    expect(first.outcome).toMatchObject({ status: 'paused', requests: [{ requestId: 'req-1' }] });
    const last = first.events.at(-1)!;
    expect(last).toMatchObject({ type: 'checkpoint_saved', checkpointId: `cp-${last.seq}` });

    const second = await resumeScripted({
      doc,
      script,
      store: first.store,
      runId: 'run-1',
      inputs: ['Tell me', END],
    });
    expect(outline(second.events)).toEqual([
      `run_resumed cp-${last.seq}`,
      'input_requested req-1 a',
      'user_message: Tell me',
      'agent_started a',
      'message a: Answer.',
      'input_requested req-2 a',
      'checkpoint_saved',
      'completed user_terminated',
    ]);
    expect(seqs(second.events)).toEqual(range(last.seq + 1, second.events.length));
    const stored = await first.store.getEvents('run-1');
    expect(seqs(stored)).toEqual(range(1, first.events.length + second.events.length));
    expect(stored).toEqual([...first.events, ...second.events]);
  });

  it('resume from an approval pause re-emits the same requestIds; the tool runs exactly once', async () => {
    const doc = refundDoc();
    const first = await runScripted({ doc, script: refundScript });
    const requested = first.events.filter((e) => e.type === 'approval_requested');
    expect(first.outcome.status).toBe('paused');

    const second = await resumeScripted({
      doc,
      script: refundScript,
      store: first.store,
      runId: 'run-1',
      decisions: [true],
      inputs: [END],
    });
    const again = second.events.filter((e) => e.type === 'approval_requested');
    expect(again.map(({ seq: _seq, ...rest }) => rest)).toEqual(
      requested.map(({ seq: _seq, ...rest }) => rest),
    );
    expect(outline(second.events).slice(0, 8)).toEqual([
      'run_resumed cp-7',
      'approval_requested req-1 a refund',
      'approval_resolved req-1 approved',
      'tool_result a refund: Refunded 7.',
      'checkpoint_saved',
      'agent_started a',
      'message a: Refund done.',
      'input_requested req-2 a',
    ]);
    const all = await first.store.getEvents('run-1');
    expect(all.filter((e) => e.type === 'tool_result')).toHaveLength(1);
  });

  it('Stop after an approved tool ran, then resume: the tool is not run again and the script continues', async () => {
    const doc = refundDoc();
    const store = new MemoryCheckpointStore();
    const blocking: ModelProvider = {
      id: 'blocking',
      complete(request) {
        if (request.callIndex === 0) return createScriptProvider(refundScript).complete(request);
        return new Promise((_, reject) =>
          request.signal.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      },
    };
    const handle = startRun({
      document: doc,
      provider: blocking,
      input: 'refund 7',
      store,
      runId: 'r',
    });
    let toolRan = false;
    handle.subscribe((event) => {
      if (event.type === 'approval_requested') handle.answerApproval(event.requestId, true);
      if (event.type === 'tool_result') toolRan = true;
      if (event.type === 'agent_started' && toolRan) handle.stop();
    });
    const first = await drive(handle);
    expect(outline(first.events).slice(-4)).toEqual([
      'tool_result a refund: Refunded 7.',
      'checkpoint_saved',
      'agent_started a',
      'stopped',
    ]);
    const resumed = await resumeRun({
      runId: 'r',
      store,
      document: doc,
      provider: createScriptProvider(refundScript),
    });
    const second = await drive(resumed, { inputs: [END] });
    expect(outline(second.events)).toEqual([
      'run_resumed cp-10',
      'agent_started a',
      'message a: Refund done.',
      'input_requested req-2 a',
      'checkpoint_saved',
      'completed user_terminated',
    ]);
    const stored = await store.getEvents('r');
    expect(stored.filter((e) => e.type === 'tool_result')).toHaveLength(1);
    // The stopped invocation's tail stays in the log (seq is never reused, docs/spec/events.md)
    // and the resume goes on right after it.
    expect(stored.filter((e) => e.type === 'stopped')).toHaveLength(1);
    expect(second.events[0]!.seq).toBe(first.events.at(-1)!.seq + 1);
    expect(seqs(stored)).toEqual(range(1, stored.length));
  });

  it('Stop mid-stream then resume: the interrupted call is made again with the same callIndex', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const store = new MemoryCheckpointStore();
    const indexes: number[] = [];
    const streaming: ModelProvider = {
      id: 'streaming',
      async complete(request) {
        indexes.push(request.callIndex);
        return createScriptProvider({ a: [{ text: 'one two three four' }] }).complete(request);
      },
    };
    const handle = startRun({ document: doc, provider: streaming, input: 'go', store, runId: 'r' });
    handle.subscribe((event) => {
      if (event.type === 'text_delta' && event.delta === 'two ') handle.stop();
    });
    const first = await drive(handle);
    expect(outline(first.events, { deltas: true }).slice(-4)).toEqual([
      'agent_started a',
      'text_delta a "one "',
      'text_delta a "two "',
      'stopped',
    ]);
    const second = await drive(
      await resumeRun({ runId: 'r', store, document: doc, provider: streaming }),
      {
        inputs: [END],
      },
    );
    expect(outline(second.events)).toEqual([
      'run_resumed cp-3',
      'agent_started a',
      'message a: one two three four',
      'input_requested req-1 a',
      'checkpoint_saved',
      'completed user_terminated',
    ]);
    expect(indexes).toEqual([0, 0]);
    // seq goes on after the stopped invocation's last event (the cut-off deltas and `stopped`).
    expect(second.events[0]!.seq).toBe(first.events.at(-1)!.seq + 1);
  });

  it('checkpoints: one per start, reply and pause; each at its checkpoint_saved seq, chained to its parent', async () => {
    const doc = makeDoc({ agents: ['a', 'b'], handoffs: [['a', 'b']] });
    const { events, store } = await runScripted({
      doc,
      script: { a: [{ toolCalls: [{ name: 'handoff_to_b' }] }], b: [{ text: 'hi' }] },
    });
    const saved = events.filter((e) => e.type === 'checkpoint_saved');
    const checkpoints = await store.listCheckpoints('run-1');
    expect(checkpoints.map((c) => [c.checkpointId, c.seq, c.parentId, c.itemCount])).toEqual([
      ['cp-3', 3, null, 1],
      ['cp-8', 8, 'cp-3', 3],
      ['cp-13', 13, 'cp-8', 4],
    ]);
    expect(saved.map((e) => e.seq)).toEqual([3, 8, 13]);
    const state = checkpoints[2]!.state as Record<string, unknown>;
    expect(state).toMatchObject({
      activeAgent: 'b',
      modelCalls: { a: 1, b: 1 },
      handoffsSinceUser: 1,
      modelCallsSinceUser: 2,
      next: { kind: 'input', request: { requestId: 'req-1', agent: 'b' } },
    });
    expect(state).not.toHaveProperty('sharedCount'); // written and never read: gone (issue 17)
    // what the checkpoint envelope and the run record hold is not stored twice
    for (const key of ['runId', 'docHash', 'seq', 'itemCount', 'checkpointId']) {
      expect(state).not.toHaveProperty(key);
    }
    expect(await store.getItems('run-1', 4)).toEqual([
      { kind: 'user', text: 'Hello' },
      {
        kind: 'calls',
        agent: 'a',
        calls: [{ id: 'a-0-0', name: 'handoff_to_b', arguments: '{}' }],
        withText: false,
      },
      {
        kind: 'result',
        agent: 'a',
        callId: 'a-0-0',
        name: 'handoff_to_b',
        result: '{"handoff_to":"b"}',
        isError: false,
      },
      { kind: 'assistant', agent: 'b', text: 'hi' },
    ]);
    expect(await store.getRun('run-1')).toMatchObject({
      status: 'paused',
      lastCheckpointId: 'cp-13',
      eventCount: 13,
      itemCount: 4,
    });
  });

  it('resuming against a changed document is refused with document_changed', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const first = await runScripted({ doc, script: { a: [{ text: 'q?' }] } });
    const changed = { ...doc, agents: [{ ...doc.agents[0]!, instructions: 'Be brief.' }] };
    const attempt = resumeRun({
      runId: 'run-1',
      store: first.store,
      document: changed,
      provider: createScriptProvider({}),
    });
    await expect(attempt).rejects.toThrow(HandoffStudioError);
    await expect(attempt).rejects.toMatchObject({
      code: 'document_changed',
      message: expect.stringContaining('fork'),
    });
  });

  it('a fork continues as a new run with the changed document; the original stays', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const first = await runScripted({ doc, script: { a: [{ text: 'q?' }] } });
    const before = await first.store.getEvents('run-1');
    const changed = { ...doc, agents: [{ ...doc.agents[0]!, instructions: 'Be brief.' }] };
    const forked = await resumeScripted({
      doc: changed,
      script: { a: [{ text: 'q?' }, { text: 'Brief.' }] },
      store: first.store,
      runId: 'run-1',
      fork: true,
      inputs: ['go', END],
    });
    expect(outline(forked.events).slice(0, 5)).toEqual([
      'run_resumed cp-8',
      'input_requested req-1 a',
      'user_message: go',
      'agent_started a',
      'message a: Brief.',
    ]);
    expect(forked.events[0]).toMatchObject({ type: 'run_resumed', runId: 'run-fork', seq: 9 });
    expect(forked.outcome.runId).toBe('run-fork');
    expect(await first.store.getEvents('run-1')).toEqual(before);
    expect(await first.store.getRun('run-fork')).toMatchObject({
      forkOf: { runId: 'run-1', checkpointId: 'cp-8' },
      status: 'completed',
    });
    const forkEvents = await first.store.getEvents('run-fork');
    expect(forkEvents.slice(0, 8)).toEqual(before);
    expect(seqs(forkEvents)).toEqual(range(1, forkEvents.length));
  });

  it('resume from an earlier checkpoint rewinds; a completed run or unknown ids are refused', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const script = { a: [{ text: 'first' }, { text: 'second' }] };
    const first = await runScripted({ doc, script, inputs: ['more', END] });
    expect(first.outcome.status).toBe('completed');
    const provider = createScriptProvider(script);
    await expect(
      resumeRun({ runId: 'run-1', store: first.store, document: doc, provider }),
    ).rejects.toMatchObject({
      code: 'run_finished',
    });
    await expect(
      resumeRun({ runId: 'nope', store: first.store, document: doc, provider }),
    ).rejects.toMatchObject({
      code: 'run_not_found',
    });
    await expect(
      resumeRun({
        runId: 'run-1',
        store: first.store,
        document: doc,
        provider,
        checkpointId: 'cp-99',
      }),
    ).rejects.toMatchObject({ code: 'checkpoint_not_found' });
    const rewound = await drive(
      await resumeRun({
        runId: 'run-1',
        store: first.store,
        document: doc,
        provider,
        checkpointId: 'cp-3',
      }),
      { inputs: [END] },
    );
    expect(outline(rewound.events)).toEqual([
      'run_resumed cp-3',
      'agent_started a',
      'message a: first',
      'input_requested req-1 a',
      'checkpoint_saved',
      'completed user_terminated',
    ]);
    expect(rewound.events[0]!.seq).toBe(4);
  });

  it('a suspended invocation leaves the run paused in the store', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const { outcome, store } = await runScripted({ doc, script: { a: [{ text: 'q?' }] } });
    expect(outcome).toEqual({
      status: 'paused',
      runId: 'run-1',
      checkpointId: 'cp-8',
      requests: [{ kind: 'input', requestId: 'req-1', agent: 'a' }],
    });
    expect(await store.getRun('run-1')).toMatchObject({ status: 'paused', eventCount: 8 });
  });

  it("the caller's meta stays with the run record through its writes and a resume; a fork starts without it", async () => {
    const doc = makeDoc({ agents: ['a'] });
    const script = { a: [{ text: 'Question?' }, { text: 'Answer.' }] };
    const store = new MemoryCheckpointStore();
    const handle = startRun({
      document: doc,
      provider: createScriptProvider(script),
      input: 'Hi',
      store,
      runId: 'run-m',
      meta: { replayOf: 'run-0' },
    });
    await drive(handle, {});
    expect((await store.getRun('run-m'))!.meta).toEqual({ replayOf: 'run-0' });
    const resumed = await resumeRun({
      runId: 'run-m',
      store,
      document: doc,
      provider: createScriptProvider(script),
    });
    await drive(resumed, { inputs: ['More', END] });
    expect(await store.getRun('run-m')).toMatchObject({
      status: 'completed',
      meta: { replayOf: 'run-0' },
    });
    const checkpoints = await store.listCheckpoints('run-m');
    const fork = await resumeRun({
      runId: 'run-m',
      checkpointId: checkpoints[0]!.checkpointId,
      fork: true,
      forkRunId: 'run-f',
      store,
      document: doc,
      provider: createScriptProvider(script),
    });
    fork.stop();
    await fork.done;
    expect((await store.getRun('run-f'))!.meta).toBeUndefined();
  });
});
