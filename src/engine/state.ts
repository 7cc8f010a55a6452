/**
 * The run state: everything besides the item log that a checkpoint must hold to continue a run
 * (docs/spec/run-semantics.md#checkpoints-and-resume). Plain JSON, small, copied into every
 * checkpoint.
 */
import type { CompletionReason, ToolArguments } from './events';

/**
 * How the engine classified one call of a reply (docs/spec/run-semantics.md#one-turn), decided when
 * the reply arrives.
 */
export type CallPlan =
  /** An ordinary tool of the agent; `approval` when a person must approve it first. */
  | { kind: 'function'; approval: boolean }
  /** The first handoff call of the reply: control passes to `target` once the batch is answered. */
  | { kind: 'handoff'; target: string; reason?: string }
  /** A further handoff call in the same reply. */
  | { kind: 'extra_handoff' }
  /** A tool this agent is not offered (a handoff tool it lacks included). */
  | { kind: 'unknown' }
  /** Arguments that are not a JSON object. */
  | { kind: 'invalid_arguments' };

export interface PlannedCall {
  callId: string;
  name: string;
  /** Parsed arguments, or the raw text when they were not valid JSON. */
  arguments: ToolArguments;
  plan: CallPlan;
}

/** A request the run waits on. `requestId`s are stable across resumes. */
export type OpenRequest =
  | { kind: 'input'; requestId: string; agent: string }
  | {
      kind: 'approval';
      requestId: string;
      agent: string;
      callId: string;
      name: string;
      arguments: ToolArguments;
    };

/** What the engine does next when it continues from this state. */
export type NextStep =
  | { kind: 'call' }
  | { kind: 'input'; request: Extract<OpenRequest, { kind: 'input' }> }
  | {
      kind: 'approval';
      agent: string;
      calls: PlannedCall[];
      /** The requests still waiting for a decision. */
      requests: Array<Extract<OpenRequest, { kind: 'approval' }>>;
      /**
       * Decisions already given for calls of this batch (each announced by its
       * `approval_resolved`), kept across a pause so a resume asks only for the rest.
       */
      decided?: Array<{ callId: string; approved: boolean }>;
    }
  | { kind: 'completed'; reason: CompletionReason };

export interface RunState {
  /** Format version of this state object. */
  version: 1;
  runId: string;
  /** Hash of the document the run follows (`documentHash`). */
  docHash: string;
  activeAgent: string;
  next: NextStep;
  /** Model calls made per agent: the next call's `callIndex`, i.e. each script's position. */
  modelCalls: Record<string, number>;
  /**
   * Autonomous continuations of the active agent since it gained control
   * (docs/spec/run-semantics.md#turn-limits).
   */
  autonomousTurns: number;
  /** Handoffs taken since the latest user message (the loop guard's count). */
  handoffsSinceUser: number;
  /**
   * Model calls made since the latest user message (the loop guard's other count). Checkpoints
   * written before it existed read as 0.
   */
  modelCallsSinceUser: number;
  userMessages: number;
  /** Items in the log. */
  itemCount: number;
  /** Last event seq emitted. */
  seq: number;
  /** Requests created so far; the next one is `req-<requestCount + 1>`. */
  requestCount: number;
  /** The checkpoint this state continues from (the parent of the next one). */
  checkpointId: string | null;
}

export function createRunState(runId: string, docHash: string, startAgent: string): RunState {
  return {
    version: 1,
    runId,
    docHash,
    activeAgent: startAgent,
    next: { kind: 'call' },
    modelCalls: {},
    autonomousTurns: 0,
    handoffsSinceUser: 0,
    modelCallsSinceUser: 0,
    userMessages: 0,
    itemCount: 0,
    seq: 0,
    requestCount: 0,
    checkpointId: null,
  };
}

/** The requests a state waits on, in the order they were made. */
export function openRequestsOf(state: RunState): OpenRequest[] {
  const next = state.next;
  if (next.kind === 'input') return [next.request];
  if (next.kind === 'approval') return [...next.requests];
  return [];
}

/** Fields of the state that its checkpoint and run record already hold. */
type Enveloped = 'runId' | 'docHash' | 'seq' | 'itemCount' | 'checkpointId';

/**
 * The state as a checkpoint stores it: without what the checkpoint envelope (id, seq, item count)
 * and the run record (run id, document hash) already hold. A checkpoint is written after every
 * reply, so these bytes add up (docs/spec/run-semantics.md#checkpoints-and-resume: a checkpoint
 * costs what changed).
 */
export function toStoredState(state: RunState): Omit<RunState, Enveloped> {
  const { runId: _r, docHash: _d, seq: _s, itemCount: _i, checkpointId: _c, ...rest } = state;
  return structuredClone(rest);
}

/** The envelope values `toStoredState` left out. */
export interface StateEnvelope {
  runId: string;
  docHash: string;
  seq: number;
  itemCount: number;
  checkpointId: string;
}
