/**
 * The parts of the trace reducer that touch several places at once: agents' waiting marks, the
 * current turn, requests and their answers, warnings and the end of an invocation.
 */
import type { RunEvent } from '../engine/events';
import { closeRequests, cutStreaming, hasRequest, updateLast } from './chat';
import { last, push, set } from './plist';
import type { AgentTrace, ChatItem, PendingRequest, TraceState, Turn } from './types';
import { own } from './own';

export function resolveApproval(
  s: TraceState,
  e: Extract<RunEvent, { type: 'approval_resolved' }>,
): TraceState {
  const resolved = s.pending.find((r) => r.requestId === e.requestId);
  const pending = s.pending.filter((r) => r.requestId !== e.requestId);
  const callId = resolved?.kind === 'approval' ? resolved.callId : undefined;
  let chat = updateLast(
    s.chat,
    'approval',
    (i) => i.requestId === e.requestId,
    (i) => ({ ...i, open: false, approved: e.approved }),
  );
  if (callId !== undefined) {
    chat = updateLast(
      chat,
      'tool',
      (i) => i.callId === callId,
      (i) => ({ ...i, approval: e.approved ? 'approved' : 'rejected' }),
    );
  }
  const next = {
    ...s,
    pending,
    chat,
    status: pending.length > 0 ? s.status : ('running' as const),
  };
  if (!resolved) return next;
  return {
    ...next,
    agents: withWaiting(next, resolved.agent, pending),
    turns:
      callId === undefined
        ? s.turns
        : updateTurn(s, resolved.agent, (t) => ({
            ...t,
            toolCalls: t.toolCalls.map((c) =>
              c.callId === callId ? { ...c, approved: e.approved } : c,
            ),
          })),
  };
}

export function userMessage(
  s: TraceState,
  e: Extract<RunEvent, { type: 'user_message' }>,
  id: number,
): TraceState {
  const answered = s.pending.filter((r) => r.kind === 'input');
  let chat = s.chat;
  for (const r of answered) {
    chat = updateLast(
      chat,
      'input',
      (i) => i.requestId === r.requestId,
      (i) => ({ ...i, open: false, answer: 'replied' }),
    );
  }
  const pending = s.pending.filter((r) => r.kind !== 'input');
  let agents = s.agents;
  for (const r of answered) agents = withWaiting({ ...s, agents }, r.agent, pending);
  return {
    ...s,
    status: 'running',
    pending,
    agents,
    sharedCount: s.sharedCount + 1,
    userMessages: s.userMessages + 1,
    chat: push(chat, { kind: 'user', id, text: e.text }),
  };
}

export function notice(
  id: number,
  tone: 'info' | 'success' | 'warning' | 'error',
  text: string,
  code?: string,
): ChatItem {
  return { kind: 'notice', id, tone, text, ...(code !== undefined ? { code } : {}) };
}

export function agentOf(s: TraceState, name: string): AgentTrace {
  return (
    own(s.agents, name) ?? {
      name,
      visits: 0,
      modelCalls: 0,
      waiting: undefined,
      forbidden: [],
      turns: [],
      lastSeq: 0,
    }
  );
}

export function withAgent(s: TraceState, agent: AgentTrace): TraceState['agents'] {
  return { ...s.agents, [agent.name]: agent };
}

export function touch(s: TraceState, name: string, seq: number): TraceState['agents'] {
  return withAgent(s, { ...agentOf(s, name), lastSeq: seq });
}

/** The agents with `name`'s waiting mark recomputed from `pending`. */
export function withWaiting(
  s: TraceState,
  name: string,
  pending: readonly PendingRequest[],
): TraceState['agents'] {
  const mine = pending.filter((r) => r.agent === name);
  const waiting = mine.some((r) => r.kind === 'approval')
    ? 'approval'
    : mine.length > 0
      ? 'input'
      : undefined;
  const agent = agentOf(s, name);
  return agent.waiting === waiting ? s.agents : withAgent(s, { ...agent, waiting });
}

/** The latest turn of `agent` updated (turns are sequential: it is the last turn). */
export function updateTurn(
  s: TraceState,
  agent: string,
  update: (t: Turn) => Turn,
): TraceState['turns'] {
  const turn = last(s.turns);
  if (!turn || turn.agent !== agent) return s.turns;
  return set(s.turns, turn.index, update(turn));
}

/** A new model call starts: the streaming text of the previous one (if any) is dropped. */
export function closeTurn(s: TraceState): TraceState {
  return s.streaming ? { ...s, streaming: undefined } : s;
}

export function request(s: TraceState, r: PendingRequest, id: number): TraceState {
  const pending = [...s.pending.filter((p) => p.requestId !== r.requestId), r];
  // A resume re-emits open requests with the same ids: reopen the item rather than repeat it.
  const chat = hasRequest(s.chat, r.requestId)
    ? r.kind === 'input'
      ? updateLast(
          s.chat,
          'input',
          (i) => i.requestId === r.requestId,
          (i) => ({ ...i, open: true }),
        )
      : updateLast(
          s.chat,
          'approval',
          (i) => i.requestId === r.requestId,
          (i) => ({ ...i, open: true }),
        )
    : push(s.chat, { ...r, id, open: true });
  let next: TraceState = { ...s, status: 'waiting', pending, chat };
  next = { ...next, agents: withWaiting(next, r.agent, pending) };
  if (r.kind === 'approval') {
    next = {
      ...next,
      chat: updateLast(
        next.chat,
        'tool',
        (i) => i.callId === r.callId,
        (i) => ({ ...i, approval: 'pending' }),
      ),
    };
  }
  return next;
}

export function warning(
  s: TraceState,
  e: Extract<RunEvent, { type: 'warning' }>,
  id: number,
): TraceState {
  const base = {
    ...s,
    warnings: s.warnings + 1,
    chat: push(s.chat, notice(id, 'warning', e.message, e.code)),
  };
  if (e.code !== 'unknown_tool') return base;
  const agentName = e.agent ?? s.lastStarted;
  const { tool, target } = e;
  if (agentName === undefined || tool === undefined || target === undefined) return base;
  const agent = agentOf(s, agentName);
  const attempt = { seq: id, tool, target };
  return {
    ...base,
    agents: withAgent(s, { ...agent, forbidden: [...agent.forbidden, attempt], lastSeq: id }),
    chat: updateLast(
      base.chat,
      'tool',
      (i) =>
        e.callId !== undefined ? i.callId === e.callId : i.agent === agentName && i.name === tool,
      (i) => ({ ...i, forbidden: true }),
    ),
  };
}

/** An invocation ended: requests close, streaming stops, waiting marks clear. */
export function endInvocation(
  s: TraceState,
  status: 'completed' | 'failed' | 'stopped',
): TraceState {
  let agents = s.agents;
  for (const r of s.pending) {
    const agent = own(agents, r.agent);
    if (agent?.waiting !== undefined)
      agents = { ...agents, [r.agent]: { ...agent, waiting: undefined } };
  }
  const streamingCut = s.streaming !== undefined;
  const turn = last(s.turns);
  return {
    ...s,
    status,
    agents,
    pending: [],
    streaming: undefined,
    chat: closeRequests(
      cutStreaming(s.chat),
      s.pending.map((r) => r.requestId),
    ),
    turns:
      streamingCut && turn
        ? set(s.turns, turn.index, { ...turn, text: s.streaming!.text, interrupted: true })
        : s.turns,
  };
}
