/**
 * What a checkpoint store returns is checked before the engine trusts it (issue 17: the port is
 * typed, no casts): a damaged transcript item or run state is `checkpoint_unreadable` with the
 * place it broke, and a good one reads back exactly.
 */
import { describe, expect, it } from 'vitest';
import { HandoffStudioError } from '../../src/engine';
import { readRunState } from '../../src/engine/readState';
import { readTranscriptItems } from '../../src/engine/storedItems';
import { makeDoc, resumeScripted, runScripted } from '../support/engineHarness';

const doc = makeDoc({ agents: ['a'] });

describe('the item log read back', () => {
  it('gives the items of a run back as they were written', async () => {
    const { store } = await runScripted({ doc, script: { a: [{ text: 'Hi!' }] } });
    const items = await store.getItems('run-1', 2);
    expect(readTranscriptItems('run-1', items)).toEqual([
      { kind: 'user', text: 'Hello' },
      { kind: 'assistant', agent: 'a', text: 'Hi!' },
    ]);
  });

  it('refuses a damaged item with checkpoint_unreadable, naming the item and the field', async () => {
    const { store } = await runScripted({ doc, script: { a: [{ text: 'Hi!' }] } });
    await store.putItems('run-1', 1, [{ kind: 'assistant', agent: 'a', text: 42 }]);
    const resumed = resumeScripted({
      doc,
      runId: 'run-1',
      store,
      script: { a: [{ text: 'Hi!' }, { text: 'Again.' }] },
      inputs: ['more'],
    });
    await expect(resumed).rejects.toMatchObject({ code: 'checkpoint_unreadable' });
    await expect(resumed).rejects.toThrow(
      'transcript item 1 is not one this engine can read (text)',
    );
    expect(() => readTranscriptItems('r', [{ kind: 'shout', text: 'x' }])).toThrow(
      HandoffStudioError,
    );
  });
});

describe('the run state read back', () => {
  const envelope = { runId: 'r', docHash: 'h', seq: 3, itemCount: 1, checkpointId: 'cp-3' };
  const good = {
    version: 1,
    activeAgent: 'a',
    next: { kind: 'input', request: { kind: 'input', requestId: 'req-1', agent: 'a' } },
    modelCalls: { a: 1 },
    autonomousTurns: 0,
    handoffsSinceUser: 0,
    modelCallsSinceUser: 1,
    userMessages: 1,
    requestCount: 1,
  };

  it('reads a good state with its envelope', () => {
    expect(readRunState(good, envelope)).toEqual({ ...good, ...envelope });
  });

  it('refuses a state whose fields have the wrong type, saying where', () => {
    expect(() => readRunState({ ...good, modelCalls: { a: 'one' } }, envelope)).toThrow(
      /engine can read \(modelCalls\.a: /,
    );
    expect(() =>
      readRunState({ ...good, next: { kind: 'input', request: { requestId: 7 } } }, envelope),
    ).toThrow(/next/);
  });

  it('names an unknown next step as such (never a loop)', () => {
    expect(() => readRunState({ ...good, next: { kind: 'dance' } }, envelope)).toThrow(
      'The checkpoint\'s next step ("dance") is not one this engine knows.',
    );
  });
});
