/**
 * Our side of a scenario: the engine with the openai provider against the conformance server,
 * driven with the scenario's inputs and decisions (like the CLI's --input/--decision: none left,
 * the run pauses). A scenario with resumes goes on from the run's latest checkpoint (like the
 * CLI's `resume`) with each resume's answers in turn, on a store shared by the invocations.
 */
import { MemoryCheckpointStore, resumeRun, startRun, type RunEvent } from '../src/engine';
import type { Workflow } from '../src/model';
import { createOpenAIProvider } from '../src/providers/openai';

/** The answers one invocation (the start or a resume) gives. */
export interface Answers {
  inputs?: readonly string[];
  decisions?: readonly boolean[];
}

/** One invocation: its events, how it ended, and the requests it left open when it paused. */
export interface Invocation {
  events: RunEvent[];
  /** completed | failed | stopped | paused */
  outcome: string;
  open: string[];
}

export interface EngineRun {
  /** Every invocation's events, in order: seq runs on across them. */
  events: RunEvent[];
  /** How the last invocation ended. */
  outcome: string;
  invocations: Invocation[];
  ms: number;
}

export async function runEngine(
  doc: Workflow,
  baseURL: string,
  opening: string,
  answers: Answers = {},
  resumes: readonly Answers[] = [],
): Promise<EngineRun> {
  const provider = createOpenAIProvider({
    apiKey: 'conformance-key',
    baseURL,
    maxRetries: 0,
    timeoutMs: 60_000,
  });
  const store = new MemoryCheckpointStore();
  const started = performance.now();
  const first = startRun({ document: doc, provider, input: opening, store });
  const invocations = [await drive(first, answers)];
  for (const resume of resumes) {
    if (invocations[invocations.length - 1]!.outcome !== 'paused') break;
    const handle = await resumeRun({ runId: first.runId, store, document: doc, provider });
    invocations.push(await drive(handle, resume));
  }
  return {
    events: invocations.flatMap((i) => i.events),
    outcome: invocations[invocations.length - 1]!.outcome,
    invocations,
    ms: performance.now() - started,
  };
}

type Handle = ReturnType<typeof startRun>;

/** Answers requests in order until none are left, then suspends (the invocation pauses). */
async function drive(handle: Handle, answers: Answers): Promise<Invocation> {
  const inputs = [...(answers.inputs ?? [])];
  const decisions = [...(answers.decisions ?? [])];
  const events: RunEvent[] = [];
  const open = new Set<string>();
  for await (const event of handle) {
    events.push(event);
    if (event.type === 'input_requested') {
      open.add(event.requestId);
      const next = inputs.shift();
      if (next === undefined) handle.suspend();
      else {
        open.delete(event.requestId);
        handle.answerInput(event.requestId, next === '' ? { end: true } : next);
      }
    } else if (event.type === 'approval_requested') {
      open.add(event.requestId);
      const next = decisions.shift();
      if (next === undefined) handle.suspend();
      else {
        open.delete(event.requestId);
        handle.answerApproval(event.requestId, next);
      }
    }
  }
  const outcome = await handle.done;
  return { events, outcome: outcome.status, open: outcome.status === 'paused' ? [...open] : [] };
}
