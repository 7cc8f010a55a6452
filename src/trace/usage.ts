/**
 * Folding `usage` events into the trace: the run's totals, the agent's totals, the turn the call
 * belongs to, and the chat item its reply produced. A `usage` event comes after the call's text
 * deltas and before its `message` and `tool_call`s, so the chat gets the figures on the
 * streaming message now, or on the message or first tool call when they arrive.
 */
import type { EventOf } from '../engine/events';
import { last, set } from './plist';
import { agentOf, withAgent } from './parts';
import type { CallUsage, ChatItem, TraceState, Turn, UsageTotals } from './types';

export const EMPTY_USAGE: UsageTotals = {
  calls: 0,
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  durationMs: 0,
  estimated: false,
};

// Imported run files are checked loosely: a count that is not a number adds nothing.
const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;

/** The figures of one `usage` event. */
export function callUsageOf(e: EventOf<'usage'>): CallUsage {
  return {
    promptTokens: count(e.promptTokens),
    completionTokens: count(e.completionTokens),
    totalTokens: count(e.totalTokens),
    ...(e.durationMs !== undefined ? { durationMs: count(e.durationMs) } : {}),
    ...(e.estimated === true ? { estimated: true } : {}),
  };
}

export function addUsage(totals: UsageTotals, call: CallUsage): UsageTotals {
  return {
    calls: totals.calls + 1,
    promptTokens: totals.promptTokens + call.promptTokens,
    completionTokens: totals.completionTokens + call.completionTokens,
    totalTokens: totals.totalTokens + call.totalTokens,
    durationMs: totals.durationMs + (call.durationMs ?? 0),
    estimated: totals.estimated || call.estimated === true,
  };
}

/** The state after a `usage` event. */
export function applyUsage(s: TraceState, e: EventOf<'usage'>, id: number): TraceState {
  const call = callUsageOf(e);
  const agent = agentOf(s, e.agent);
  const turn = last(s.turns);
  // The call is the agent's latest turn; an event naming another call index belongs to none.
  const ownTurn =
    turn !== undefined &&
    turn.agent === e.agent &&
    (e.callIndex === undefined || e.callIndex === turn.callIndex);
  const tail = last(s.chat);
  const streamed = tail?.kind === 'message' && tail.streaming && tail.agent === e.agent;
  return {
    ...s,
    usage: addUsage(s.usage, call),
    agents: withAgent(s, {
      ...agent,
      usage: addUsage(agent.usage ?? EMPTY_USAGE, call),
      lastSeq: id,
    }),
    turns: ownTurn ? set(s.turns, turn.index, { ...turn, usage: call }) : s.turns,
    chat: streamed ? set(s.chat, s.chat.length - 1, { ...tail, usage: call }) : s.chat,
  };
}

/**
 * The usage to put on a new chat item of `turn`'s reply: on its message, or on its first tool
 * call when the reply has no text. Undefined when the turn has none or an item already has it.
 */
export function usageForItem(
  turn: Turn | undefined,
  agent: string,
  kind: ChatItem['kind'],
): CallUsage | undefined {
  if (!turn?.usage || turn.agent !== agent) return undefined;
  if (kind === 'message') return turn.text === '' ? turn.usage : undefined;
  return turn.text === '' && turn.toolCalls.length === 0 ? turn.usage : undefined;
}
