/**
 * `seq` over the whole life of a run, and answers given before a pause (docs/spec/events.md):
 * any split of a run into a start and resumes — pausing at random requests, answering some of a
 * batch before the pause — gives, concatenated, strictly increasing `seq` with none skipped and
 * the same events as the run in one go (apart from each resume's own `run_resumed`, the
 * requests it re-announces and the checkpoint a partly answered batch saves).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryCheckpointStore, type RunEvent } from '../../../src/engine';
import { makeDoc, outline, resumeScripted, runScripted } from '../../support/engineHarness';

const END = { end: true } as const;

const doc = makeDoc({
  agents: [{ name: 'a', tools: ['refund', 'notify'] }, 'b'],
  handoffs: [['a', 'b']],
  tools: [
    { name: 'refund', approval: 'always_require', result: 'Refunded {{order}}.' },
    { name: 'notify', approval: 'always_require', result: 'Notified.' },
  ],
});

/** Two gated calls in one reply, a handoff, then two user turns. */
const script = {
  a: [
    {
      toolCalls: [
        { name: 'refund', arguments: { order: '7' } },
        { name: 'notify', arguments: {} },
      ],
    },
    { text: 'Both done.', toolCalls: [{ name: 'handoff_to_b', arguments: {} }] },
  ],
  b: [{ text: 'Anything else?' }, { text: 'Bye.' }],
};

/** The answers of the whole run, in the order the requests come. */
type Answer = { kind: 'input'; value: string | typeof END } | { kind: 'approval'; value: boolean };

const answersFor = (approvals: [boolean, boolean]): Answer[] => [
  { kind: 'approval', value: approvals[0] },
  { kind: 'approval', value: approvals[1] },
  { kind: 'input', value: 'one more thing' },
  { kind: 'input', value: END },
];

/** Runs once with the answers split into invocations of the given sizes (the last takes the rest). */
async function runSplit(answers: Answer[], sizes: number[]): Promise<RunEvent[][]> {
  const store = new MemoryCheckpointStore();
  const queue = [...answers];
  const streams: RunEvent[][] = [];
  for (let i = 0; queue.length > 0 || i === 0; i++) {
    const size = i < sizes.length ? sizes[i]! : queue.length;
    const batch = queue.splice(0, size);
    const drive = {
      inputs: batch.filter((a) => a.kind === 'input').map((a) => a.value),
      decisions: batch.filter((a) => a.kind === 'approval').map((a) => a.value as boolean),
    };
    const run =
      i === 0
        ? await runScripted({ doc, script, store, ...drive })
        : await resumeScripted({ doc, script, store, runId: 'run-1', ...drive });
    streams.push(run.events);
    if (run.outcome.status !== 'paused') break;
    if (i > 10) throw new Error('the run did not end');
  }
  return streams;
}

/** Events a resume adds by its nature: its own announcement, re-announced requests. */
function essential(streams: RunEvent[][]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const stream of streams) {
    for (const event of stream) {
      if (event.type === 'run_resumed' || event.type === 'checkpoint_saved') continue;
      if (event.type === 'approval_requested' || event.type === 'input_requested') {
        if (seen.has(event.requestId)) continue;
        seen.add(event.requestId);
      }
      lines.push(...outline([event]));
    }
  }
  return lines;
}

describe('a run split into resumes', () => {
  it('two gated calls answered one decision per invocation: both answers count, the run completes', async () => {
    const store = new MemoryCheckpointStore();
    const first = await runScripted({ doc, script, store, decisions: [true] });
    expect(first.outcome.status).toBe('paused');
    expect(outline(first.events).slice(-4)).toEqual([
      'approval_requested req-2 a notify',
      'checkpoint_saved',
      'approval_resolved req-1 approved',
      'checkpoint_saved',
    ]);
    const second = await resumeScripted({
      doc,
      script,
      store,
      runId: 'run-1',
      decisions: [false],
      inputs: [END],
    });
    // only the open request is asked again, and the first answer is applied with the second
    expect(outline(second.events).slice(0, 5)).toEqual([
      expect.stringMatching(/^run_resumed cp-/),
      'approval_requested req-2 a notify',
      'approval_resolved req-2 rejected',
      'tool_result a refund: Refunded 7.',
      'tool_result a notify (error): Error: Tool call invocation was rejected by user.',
    ]);
    expect(second.outcome).toMatchObject({ status: 'completed' });
    expect(second.left).toEqual({ inputs: [], decisions: [] });
  });

  it('seq never repeats across a pause and two resumes that pause again at once', async () => {
    const store = new MemoryCheckpointStore();
    const first = await runScripted({ doc, script, store });
    const second = await resumeScripted({ doc, script, store, runId: 'run-1' });
    const third = await resumeScripted({ doc, script, store, runId: 'run-1', decisions: [true] });
    const seqs = [...first.events, ...second.events, ...third.events].map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('any split gives strictly increasing seq with none skipped and the events of one go', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.boolean(), fc.boolean()),
        fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 6 }),
        async (approvals, sizes) => {
          const answers = answersFor(approvals);
          const [whole] = await runSplit(answers, [answers.length]);
          const split = await runSplit(answers, sizes);
          const seqs = split.flat().map((e) => e.seq);
          expect(seqs).toEqual(seqs.map((_, i) => i + 1));
          expect(essential(split)).toEqual(essential([whole!]));
          expect(split.at(-1)!.at(-1)).toMatchObject({ type: 'completed' });
        },
      ),
      { numRuns: 60 },
    );
  });
});
