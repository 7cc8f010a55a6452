/**
 * The loop guard (docs/spec/run-semantics.md#loop-guard): between two user messages a run may
 * take at most `termination.maxHandoffsPerTurn` handoffs and make at most
 * `termination.maxModelCallsPerTurn` model calls. A model that keeps handing off, or keeps calling
 * tools without ever giving a final reply, ends the run with a coded failure that names the agent.
 * Pure: the runner asks before each model call and each handoff and applies the answer.
 */
import { DEFAULT_MAX_MODEL_CALLS_PER_TURN, type Workflow } from '../model';
import type { RunState } from './state';

/** Why the guard stopped the run: the failure's code, its limit and the agent that went over. */
export interface GuardBreach {
  code: 'loop_guard' | 'model_call_limit';
  message: string;
  agent: string;
  limit: number;
}

/** The model calls a turn may make under this document. */
export function modelCallLimit(doc: Workflow): number {
  return doc.termination.maxModelCallsPerTurn ?? DEFAULT_MAX_MODEL_CALLS_PER_TURN;
}

/** Before `agent`'s model call: the breach when the turn has made all the calls it may. */
export function beforeModelCall(
  doc: Workflow,
  state: Pick<RunState, 'modelCallsSinceUser'>,
  agent: string,
): GuardBreach | undefined {
  const limit = modelCallLimit(doc);
  if (state.modelCallsSinceUser < limit) return undefined;
  return {
    code: 'model_call_limit',
    agent,
    limit,
    message:
      `Model call limit reached: ${limit} model calls since the last user message; "${agent}" ` +
      'kept calling tools without giving a final reply. Change its instructions or its tools, or ' +
      'raise termination.maxModelCallsPerTurn.',
  };
}

/** Before a handoff from `agent` to `target`: the breach when the turn has taken all it may. */
export function beforeHandoff(
  doc: Workflow,
  state: Pick<RunState, 'handoffsSinceUser'>,
  agent: string,
  target: string,
): GuardBreach | undefined {
  const limit = doc.termination.maxHandoffsPerTurn;
  if (state.handoffsSinceUser < limit) return undefined;
  return {
    code: 'loop_guard',
    agent,
    limit,
    message:
      `Handoff limit reached: ${limit} handoffs since the last user message; ` +
      `"${agent}" tried to hand off to "${target}" once more.`,
  };
}
