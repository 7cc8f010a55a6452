/**
 * The trace state: what the event stream (docs/spec/events.md) says about a run at one moment.
 * Derived by one pure reducer (reduce.ts) from the events, so a live run, a stored run and a replay
 * look the same. Every part is immutable; states share what did not change.
 */
import type { CompletionReason, ToolArguments } from '../engine/events';
import type { PList } from './plist';

/** Where the run stands. `waiting`: requests are open (input or approval). */
export type { TraceStatus } from '../engine/runStatus';
import type { TraceStatus } from '../engine/runStatus';

/** A handoff the topology forbids, attempted by an agent (an `unknown_tool` warning). */
export interface ForbiddenHandoff {
  readonly seq: number;
  /** The tool the model called, `handoff_to_<target>`. */
  readonly tool: string;
  readonly target: string;
}

/** What one model call cost: its `usage` event. */
export interface CallUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
  /** How long the call took (absent in runs recorded before durations were measured). */
  readonly durationMs?: number;
  /** The counts are an estimate (the simulator), shown with a "~". */
  readonly estimated?: boolean;
}

/** Sums of `usage` events: of a run, or of one agent's calls. */
export interface UsageTotals {
  /** Model calls that reported usage. */
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
  /** Sum of the calls' durations (calls without one count 0). */
  readonly durationMs: number;
  /** Some of the counts are estimates. */
  readonly estimated: boolean;
}

/** One agent on the trace. */
export interface AgentTrace {
  readonly name: string;
  /** Times it gained control (a stretch of model calls not interrupted by another agent). */
  readonly visits: number;
  /** Its model calls (`agent_started` events). */
  readonly modelCalls: number;
  /** It waits for the user: an input request, or an approval of one of its tool calls. */
  readonly waiting: 'input' | 'approval' | undefined;
  readonly forbidden: readonly ForbiddenHandoff[];
  /** Indices of its turns in `TraceState.turns`. */
  readonly turns: readonly number[];
  /** Seq of the last event about it. */
  readonly lastSeq: number;
  /** What its model calls cost, once one reported usage. */
  readonly usage?: UsageTotals;
}

/** One handoff across an edge. */
export interface HandoffCrossing {
  readonly seq: number;
  readonly reason?: string;
}

/** One edge on the trace (only edges that were taken appear). */
export interface EdgeTrace {
  readonly source: string;
  readonly target: string;
  readonly count: number;
  readonly crossings: readonly HandoffCrossing[];
}

/** A tool call inside a turn, with its result once answered. */
export interface TurnToolCall {
  readonly callId: string;
  readonly name: string;
  readonly arguments: ToolArguments;
  readonly result?: string;
  readonly isError?: boolean;
  /** Set when the call needed approval and it was given (true) or refused (false). */
  readonly approved?: boolean;
}

/**
 * One model call and what followed from it: `agent_started` to the last `tool_result` or the
 * handoff of its reply. `sharedBefore` is the number of shared-transcript messages (user
 * messages and agent texts) that existed when it started, so the model input can be rebuilt.
 */
export interface Turn {
  readonly index: number;
  readonly agent: string;
  /** 0-based among this agent's model calls. */
  readonly callIndex: number;
  readonly startSeq: number;
  readonly endSeq: number;
  readonly sharedBefore: number;
  readonly text: string;
  readonly toolCalls: readonly TurnToolCall[];
  readonly handoffTo?: string;
  /** Ended by Stop or a failure before its reply was complete. */
  readonly interrupted?: boolean;
  /** What the call cost, when the provider reported usage. */
  readonly usage?: CallUsage;
}

/** An open request, as the UI must answer it. */
export type PendingRequest =
  | { readonly kind: 'input'; readonly requestId: string; readonly agent: string }
  | {
      readonly kind: 'approval';
      readonly requestId: string;
      readonly agent: string;
      readonly callId: string;
      readonly name: string;
      readonly arguments: ToolArguments;
    };

/** Items of the chat. `id` is the seq of the event that created the item (a stable key). */
export type ChatItem =
  | { readonly kind: 'user'; readonly id: number; readonly text: string }
  | {
      readonly kind: 'message';
      readonly id: number;
      readonly agent: string;
      readonly text: string;
      readonly streaming: boolean;
      /** Cut short by Stop or a failure. */
      readonly interrupted?: boolean;
      /** What the model call that wrote it cost. */
      readonly usage?: CallUsage;
    }
  | {
      readonly kind: 'tool';
      readonly id: number;
      readonly agent: string;
      readonly callId: string;
      readonly name: string;
      readonly arguments: ToolArguments;
      readonly result?: string;
      readonly isError?: boolean;
      /** For `handoff_to_<target>` calls: the target. */
      readonly handoffTarget?: string;
      /** A handoff the topology does not allow. */
      readonly forbidden?: boolean;
      readonly approval?: 'pending' | 'approved' | 'rejected';
      /** What the model call cost, on the first call of a reply without text. */
      readonly usage?: CallUsage;
    }
  | {
      readonly kind: 'handoff';
      readonly id: number;
      readonly from: string;
      readonly to: string;
      readonly reason?: string;
    }
  | {
      readonly kind: 'input';
      readonly id: number;
      readonly requestId: string;
      readonly agent: string;
      readonly open: boolean;
      readonly answer?: 'replied' | 'ended';
    }
  | {
      readonly kind: 'approval';
      readonly id: number;
      readonly requestId: string;
      readonly agent: string;
      readonly callId: string;
      readonly name: string;
      readonly arguments: ToolArguments;
      readonly open: boolean;
      readonly approved?: boolean;
    }
  | {
      readonly kind: 'notice';
      readonly id: number;
      readonly tone: 'info' | 'success' | 'warning' | 'error';
      readonly text: string;
      readonly code?: string;
    };

export type RunEnd =
  | { readonly kind: 'completed'; readonly reason: CompletionReason }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string }
  | { readonly kind: 'stopped' };

export interface TraceState {
  /** Events applied so far. */
  readonly eventCount: number;
  /** Seq of the last event applied (0 before any). */
  readonly seq: number;
  readonly runId: string | undefined;
  readonly status: TraceStatus;
  /** The agent in control (after a handoff, its target), also after the run ended. */
  readonly activeAgent: string | undefined;
  /** Text streaming now (between `agent_started` and its `message`). */
  readonly streaming: { readonly agent: string; readonly text: string } | undefined;
  readonly agents: Readonly<Record<string, AgentTrace>>;
  /** Keyed by `edgeKey(source, target)`. */
  readonly edges: Readonly<Record<string, EdgeTrace>>;
  /** The latest handoff (a canvas animates it when its seq changes). */
  readonly lastHandoff:
    (HandoffCrossing & { readonly source: string; readonly target: string }) | undefined;
  readonly pending: readonly PendingRequest[];
  readonly turns: PList<Turn>;
  readonly chat: PList<ChatItem>;
  readonly checkpoints: PList<{ readonly checkpointId: string; readonly seq: number }>;
  /** Shared-transcript length: user messages and agent texts. */
  readonly sharedCount: number;
  readonly userMessages: number;
  readonly handoffs: number;
  readonly modelCalls: number;
  readonly warnings: number;
  /** What the run's model calls cost, all agents together. */
  readonly usage: UsageTotals;
  /** How the last invocation ended, while it stays ended. */
  readonly end: RunEnd | undefined;
  /** The agent of the latest `agent_started` (visits count changes of it). */
  readonly lastStarted: string | undefined;
  /** Where the run is paused at a breakpoint, while it is (optional: absent = not paused). */
  readonly breakpoint?: {
    readonly kind: 'agent' | 'step' | 'edge';
    readonly agent: string;
    readonly to?: string;
  };
}
