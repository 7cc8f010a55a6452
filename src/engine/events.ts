/**
 * The run event stream (docs/spec/events.md): a contract. Every event is a plain JSON object with
 * `type` and `seq` (1, 2, 3 … over the whole life of a run, across resumes). The UI's trace
 * overlay, timeline and chat, the CLI's output and the checkpoint log are all this one stream.
 * Change only by adding optional fields or new event types.
 */

/** Arguments of a tool call: the parsed JSON object, or the raw text when it was not valid JSON. */
export type ToolArguments = Record<string, unknown> | string;

export type CompletionReason = 'termination_condition' | 'terminal_agent' | 'user_terminated';

/**
 * Why a run failed: a stable code (`engine/errors.ts`) and a sentence for people; a loop-guard
 * failure also names the agent that went over and the limit it reached.
 */
export interface FailureDetail {
  code: string;
  message: string;
  agent?: string;
  limit?: number;
}

export type RunEventBody =
  | { type: 'run_started'; runId: string }
  | { type: 'agent_started'; agent: string }
  | { type: 'text_delta'; agent: string; delta: string }
  | { type: 'message'; agent: string; text: string }
  /**
   * `handoffTarget`: for a call of a handoff tool (`handoff_to_<target>`), the agent it asks to
   * hand off to — whether or not the topology allows it (docs/spec/events.md).
   */
  | {
      type: 'tool_call';
      agent: string;
      callId: string;
      name: string;
      arguments: ToolArguments;
      handoffTarget?: string;
    }
  | {
      type: 'tool_result';
      agent: string;
      callId: string;
      name: string;
      result: string;
      isError: boolean;
    }
  /** `reason`: the optional reason argument of the handoff call (docs/spec/events.md). */
  | { type: 'handoff'; from: string; to: string; reason?: string }
  | { type: 'input_requested'; requestId: string; agent: string }
  | { type: 'user_message'; text: string }
  | {
      type: 'approval_requested';
      requestId: string;
      agent: string;
      callId: string;
      name: string;
      arguments: ToolArguments;
    }
  | { type: 'approval_resolved'; requestId: string; approved: boolean }
  | { type: 'checkpoint_saved'; checkpointId: string }
  | { type: 'completed'; reason: CompletionReason }
  /**
   * `message` is for people; consumers read the fields (docs/spec/events.md): `agent`, the
   * agent concerned; for a warning about a tool call (`unknown_tool`, `extra_handoff`) its
   * `callId` and `tool`, and `target` when that tool is a handoff (`handoff_to_<target>`).
   */
  | {
      type: 'warning';
      code: string;
      message: string;
      agent?: string;
      callId?: string;
      tool?: string;
      target?: string;
    }
  | { type: 'failed'; error: FailureDetail }
  | { type: 'run_resumed'; runId: string; checkpointId: string }
  | { type: 'stopped' }
  /**
   * The run paused at a breakpoint (docs/spec/events.md): before `agent`'s model call
   * (`kind` agent, or step after a Step), or before its handoff to `to` (`kind` edge).
   */
  | { type: 'breakpoint'; kind: 'agent' | 'step' | 'edge'; agent: string; to?: string }
  /** The run went on from a breakpoint (docs/spec/events.md). */
  | { type: 'breakpoint_released'; mode: 'continue' | 'step' }
  /**
   * The provider waits before trying a failed model call again (docs/spec/events.md): why,
   * which attempt failed of how many, how long it waits (capped), and a sentence for people.
   */
  | {
      type: 'model_retry';
      agent: string;
      reason: 'rate_limited' | 'server_error' | 'connection';
      attempt: number;
      maxAttempts: number;
      waitMs: number;
      message: string;
    }
  /**
   * What one model call cost (docs/spec/events.md): emitted once the call has returned, when
   * the provider reports usage, after the call's `text_delta`s and before its `message` and
   * `tool_call`s. Token counts are the provider's.
   * Optional additions (absent in runs recorded before them, which stay importable):
   * - `callIndex`: the agent's model call it belongs to, 0-based among `agent`'s calls, the same
   *   call the latest `agent_started` of `agent` began (the trace's `Turn.callIndex`);
   * - `durationMs`: how long the call took, from the request to the complete reply, in whole
   *   milliseconds of the engine's clock (`StartRunOptions.clock`); a replay measures its own;
   * - `estimated`: the counts are an estimate (the offline simulator counts ~4 characters a
   *   token), not a provider's bill; shown with a "~".
   */
  | {
      type: 'usage';
      agent: string;
      promptTokens: number;
      completionTokens: number;
      totalTokens: number;
      callIndex?: number;
      durationMs?: number;
      estimated?: boolean;
    };

export type RunEvent = RunEventBody & { seq: number };
export type RunEventType = RunEvent['type'];
export type EventOf<T extends RunEventType> = Extract<RunEvent, { type: T }>;

/** Events that end one invocation of the engine (a pause ends it too, with open requests). */
export const FINAL_EVENT_TYPES: ReadonlySet<RunEventType> = new Set([
  'completed',
  'failed',
  'stopped',
]);
