/**
 * Issue 12 (the exported Python on Agent Framework): conformance checks resume mechanics on both
 * sides (conformance/resume.ts) — a resumed invocation re-announces exactly the requests the pause
 * left open, with their ids, before anything else; the engine's `seq` runs 1, 2, 3 … over the run.
 */
import { describe, expect, it } from 'vitest';
import type { EngineRun, Invocation } from '../../conformance/engineSide';
import { afResumeProblems, engineResumeProblems } from '../../conformance/resume';
import type { DriverEvent } from '../../conformance/trace';
import type { RunEvent } from '../../src/engine';

const ev = (seq: number, event: Record<string, unknown>) =>
  ({ seq, ...event }) as unknown as RunEvent;

/** A run paused on req-1 and resumed: the resume re-announces req-1 and the user ends. */
function pausedAndResumed(resumeSeq = 6, reannounced = 'req-1'): EngineRun {
  const first: Invocation = {
    events: [
      ev(1, { type: 'run_started', runId: 'r' }),
      ev(2, { type: 'agent_started', agent: 'a' }),
      ev(3, { type: 'message', agent: 'a', text: 'Which order?' }),
      ev(4, { type: 'input_requested', requestId: 'req-1', agent: 'a' }),
      ev(5, { type: 'checkpoint_saved', checkpointId: 'c1' }),
    ],
    outcome: 'paused',
    open: ['req-1'],
  };
  const second: Invocation = {
    events: [
      ev(resumeSeq, { type: 'run_resumed', runId: 'r', checkpointId: 'c1' }),
      ev(resumeSeq + 1, { type: 'input_requested', requestId: reannounced, agent: 'a' }),
      ev(resumeSeq + 2, { type: 'user_message', text: 'A-7' }),
      ev(resumeSeq + 3, { type: 'completed', reason: 'user_terminated' }),
    ],
    outcome: 'completed',
    open: [],
  };
  const invocations = [first, second];
  return { events: invocations.flatMap((i) => i.events), outcome: 'completed', invocations, ms: 0 };
}

describe('conformance: resume mechanics', () => {
  it('accepts a resume that goes on numbering and re-announces the open request', () => {
    expect(engineResumeProblems(pausedAndResumed())).toEqual([]);
  });

  it("finds a resume whose first event reuses the pause's last seq", () => {
    expect(engineResumeProblems(pausedAndResumed(5))).toEqual([
      'seq 5 where 6 was due (run_resumed)',
    ]);
  });

  it('finds a resume that skips a seq', () => {
    expect(engineResumeProblems(pausedAndResumed(7))).toEqual([
      'seq 7 where 6 was due (run_resumed)',
    ]);
  });

  it('finds a resume that re-announces a request under a new id', () => {
    expect(engineResumeProblems(pausedAndResumed(6, 'req-2'))).toEqual([
      'resume 1: the pause left [req-1] open, the resume re-announced [req-2]',
    ]);
  });

  const afRun = (again: DriverEvent[]): DriverEvent[] => [
    { t: 'model', agent: 'a' },
    { t: 'approval', agent: 'a', requestId: 'x1', callId: 'c1', name: 'refund', arguments: {} },
    { t: 'approval', agent: 'a', requestId: 'x2', callId: 'c2', name: 'refund', arguments: {} },
    { t: 'end', how: 'paused', open: ['x2'] },
    { t: 'resumed' },
    ...again,
    { t: 'end', how: 'idle' },
  ];
  const approval = (requestId: string): DriverEvent => ({
    t: 'approval',
    agent: 'a',
    requestId,
    callId: 'c',
    name: 'refund',
    arguments: {},
  });

  it("accepts Agent Framework's resume that re-announces only the open request", () => {
    expect(afResumeProblems(afRun([approval('x2'), { t: 'model', agent: 'a' }]))).toEqual([]);
  });

  it('finds an Agent Framework resume that asks again for an answer already given', () => {
    expect(afResumeProblems(afRun([approval('x1'), approval('x2')]))).toEqual([
      'resume 1: the pause left [x2] open, the resume re-announced [x1, x2]',
    ]);
  });

  it('finds an Agent Framework resume that calls the model before re-announcing', () => {
    expect(afResumeProblems(afRun([{ t: 'model', agent: 'a' }, approval('x2')]))).toEqual([
      'resume 1: the pause left [x2] open, the resume re-announced []',
    ]);
  });
});
