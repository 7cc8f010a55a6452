/**
 * docs/spec/run-semantics.md#loop-guard: the model-call bound (issue 13, item 1). A model that
 * keeps calling tools — valid ones or with arguments that are not JSON — ends the run with
 * `model_call_limit`, naming the agent; the count starts again at every user message; documents
 * that do not set the bound keep their hash, so runs started before it existed still resume.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  documentHash,
  type EventOf,
  type ModelProvider,
  type ModelReply,
} from '../../../src/engine';
import { readRunState } from '../../../src/engine/readState';
import {
  serializeWorkflow,
  DEFAULT_MAX_MODEL_CALLS_PER_TURN,
  parseWorkflowText,
  validateWorkflow,
} from '../../../src/model';
import { makeDoc, outline, runScripted } from '../../support/engineHarness';

/** A model that answers every call with one call of `tool` (and counts the calls it got). */
function alwaysCalls(tool: string, args: string): ModelProvider & { calls: number } {
  const provider = {
    id: 'looping',
    calls: 0,
    complete(): Promise<ModelReply> {
      provider.calls++;
      return Promise.resolve({
        text: '',
        toolCalls: [{ id: `c${provider.calls}`, name: tool, arguments: args }],
      });
    },
  };
  return provider;
}

const looping = makeDoc({
  agents: [{ name: 'lookup', tools: ['search'] }],
  tools: [{ name: 'search', result: 'nothing found' }],
  termination: { maxModelCallsPerTurn: 5 },
});

describe('the model-call bound', () => {
  it('ends a run whose agent keeps calling a tool: model_call_limit names the agent and the limit', async () => {
    const provider = alwaysCalls('search', '{"q":"x"}');
    const { events, outcome } = await runScripted({ doc: looping, provider });
    expect(provider.calls).toBe(5);
    expect(events.filter((e) => e.type === 'agent_started')).toHaveLength(5);
    const failed = events.at(-1) as EventOf<'failed'>;
    expect(failed.type).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'model_call_limit', agent: 'lookup', limit: 5 });
    expect(failed.error.message).toContain('"lookup"');
    expect(failed.error.message).toContain('5 model calls');
    expect(outcome).toMatchObject({
      status: 'failed',
      error: { code: 'model_call_limit', agent: 'lookup', limit: 5 },
    });
  });

  it('also ends one whose calls have arguments that are not JSON', async () => {
    const provider = alwaysCalls('search', '{not json');
    const { events, outcome } = await runScripted({ doc: looping, provider });
    expect(provider.calls).toBe(5);
    expect(events.filter((e) => e.type === 'tool_result' && e.isError)).toHaveLength(5);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'model_call_limit' } });
  });

  it('counts from the latest user message: a turn under the bound never fails', async () => {
    const doc = makeDoc({
      agents: [{ name: 'a', tools: ['t'] }],
      tools: [{ name: 't' }],
      termination: { maxModelCallsPerTurn: 3 },
    });
    const turn = [{ toolCalls: [{ name: 't' }] }, { toolCalls: [{ name: 't' }] }, { text: 'ok' }];
    const { events, outcome } = await runScripted({
      doc,
      script: { a: [...turn, ...turn, ...turn] },
      inputs: ['again', 'and again', { end: true }],
    });
    expect(events.filter((e) => e.type === 'agent_started')).toHaveLength(9);
    expect(outcome).toMatchObject({ status: 'completed', reason: 'user_terminated' });
  });

  it('applies the default bound when the document sets none', async () => {
    const doc = makeDoc({
      agents: [{ name: 'lookup', tools: ['search'] }],
      tools: [{ name: 'search' }],
    });
    expect(doc.termination.maxModelCallsPerTurn).toBeUndefined();
    const provider = alwaysCalls('search', '{}');
    const { outcome } = await runScripted({ doc, provider });
    expect(provider.calls).toBe(DEFAULT_MAX_MODEL_CALLS_PER_TURN);
    expect(outcome).toMatchObject({
      status: 'failed',
      error: { code: 'model_call_limit', limit: DEFAULT_MAX_MODEL_CALLS_PER_TURN },
    });
  });

  it('a handoff loop still ends with loop_guard first, now naming the agent and the limit', async () => {
    const doc = makeDoc({
      agents: ['a', 'b'],
      handoffs: [
        ['a', 'b'],
        ['b', 'a'],
      ],
      termination: { maxHandoffsPerTurn: 2 },
    });
    const { events } = await runScripted({
      doc,
      script: {
        a: [{ toolCalls: [{ name: 'handoff_to_b' }] }, { toolCalls: [{ name: 'handoff_to_b' }] }],
        b: [{ toolCalls: [{ name: 'handoff_to_a' }] }],
      },
    });
    expect(outline(events).at(-1)).toBe('failed loop_guard');
    expect((events.at(-1) as EventOf<'failed'>).error).toMatchObject({ agent: 'a', limit: 2 });
  });
});

describe('the bound in the document', () => {
  it('is validated: 0 or less is non_positive_limit at termination.maxModelCallsPerTurn', () => {
    const doc = makeDoc({ agents: ['a'], termination: { maxModelCallsPerTurn: 0 } });
    expect(validateWorkflow(doc)).toContainEqual(
      expect.objectContaining({
        code: 'non_positive_limit',
        path: 'termination.maxModelCallsPerTurn',
      }),
    );
  });

  it('is written out only when set', () => {
    expect(serializeWorkflow(makeDoc({ agents: ['a'] }))).not.toContain('maxModelCallsPerTurn');
    expect(
      serializeWorkflow(makeDoc({ agents: ['a'], termination: { maxModelCallsPerTurn: 7 } })),
    ).toContain('"maxModelCallsPerTurn": 7');
  });

  it('leaves the hash of every example as it was before the bound existed (old runs resume)', () => {
    // Computed before `maxModelCallsPerTurn` was added (session 3's code): a run stores this hash
    // and a resume refuses a document whose hash differs.
    const before: Record<string, string> = {
      'content_pipeline.json': 'fnv1a64:0f3365fce8a2e184',
      'customer_support.json': 'fnv1a64:8dcd15caff98c120',
      'ecommerce_returns.json': 'fnv1a64:50443cf1d86db707',
      'homework_tutors.json': 'fnv1a64:41865f6345cbf8a1',
    };
    const dir = join(__dirname, '../../../public/examples');
    const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(names.sort()).toEqual(Object.keys(before).sort());
    for (const name of names) {
      const parsed = parseWorkflowText(readFileSync(join(dir, name), 'utf8'));
      if (!parsed.ok) throw new Error(name);
      expect(documentHash(parsed.doc), name).toBe(before[name]);
    }
  });

  it('reads a checkpoint written before the count existed as 0 calls this turn (and drops sharedCount)', () => {
    const old = {
      version: 1,
      activeAgent: 'a',
      next: { kind: 'call' },
      modelCalls: { a: 2 },
      autonomousTurns: 0,
      handoffsSinceUser: 1,
      userMessages: 1,
      sharedCount: 3,
      requestCount: 0,
    };
    const state = readRunState(old, {
      runId: 'r',
      docHash: 'h',
      seq: 9,
      itemCount: 4,
      checkpointId: 'cp-9',
    });
    expect(state.modelCallsSinceUser).toBe(0);
    expect(state).not.toHaveProperty('sharedCount');
    expect(state).toMatchObject({ handoffsSinceUser: 1, modelCalls: { a: 2 }, seq: 9 });
  });
});
