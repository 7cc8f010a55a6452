/**
 * The one pure reducer from the run event stream (docs/spec/events.md) to a `TraceState`. The
 * canvas overlay, the chat and the timeline are all projections of its result, so a live run, a
 * stored run and a replay look the same. It never mutates its input: each event returns a new state
 * that shares every part the event did not touch.
 */
import type { RunEvent } from '../engine/events';
import { appendDelta, cutStreaming, finishMessage, updateLast } from './chat';
import { edgeKey } from './names';
import {
  agentOf,
  closeTurn,
  endInvocation,
  notice,
  request,
  resolveApproval,
  touch,
  updateTurn,
  userMessage,
  warning,
  withAgent,
} from './parts';
import { emptyList, last, push } from './plist';
import { applyUsage, EMPTY_USAGE, usageForItem } from './usage';
import type { ChatItem, TraceState, Turn } from './types';
import { own } from './own';

export { edgeKey } from './names';

/** The state before any event. */
export const initialTraceState: TraceState = {
  eventCount: 0,
  seq: 0,
  runId: undefined,
  status: 'idle',
  activeAgent: undefined,
  streaming: undefined,
  agents: {},
  edges: {},
  lastHandoff: undefined,
  pending: [],
  turns: emptyList(),
  chat: emptyList(),
  checkpoints: emptyList(),
  sharedCount: 0,
  userMessages: 0,
  handoffs: 0,
  modelCalls: 0,
  warnings: 0,
  usage: EMPTY_USAGE,
  end: undefined,
  lastStarted: undefined,
};

/** The state after `events`, from `state` (the initial state by default). */
export function reduceAll(events: Iterable<RunEvent>, state = initialTraceState): TraceState {
  let out = state;
  for (const event of events) out = reduceTrace(out, event);
  return out;
}

/** The state after one more event. Pure. */
export function reduceTrace(state: TraceState, event: RunEvent): TraceState {
  const next = apply(state, event);
  return { ...next, eventCount: state.eventCount + 1, seq: event.seq };
}

function apply(s: TraceState, e: RunEvent): TraceState {
  // A stop (or any end) while paused at a breakpoint leaves it.
  if (s.breakpoint && (e.type === 'stopped' || e.type === 'failed'))
    s = { ...s, breakpoint: undefined };
  const id = e.seq;
  switch (e.type) {
    case 'run_started':
      return { ...s, runId: e.runId, status: 'running', end: undefined };
    case 'run_resumed':
      return {
        ...s,
        runId: e.runId,
        status: 'running',
        end: undefined,
        chat: push(s.chat, notice(id, 'info', `Resumed from checkpoint ${e.checkpointId}.`)),
      };
    case 'agent_started': {
      const previous = own(s.agents, e.agent);
      const entering = s.lastStarted !== e.agent || previous === undefined;
      const turn: Turn = {
        index: s.turns.length,
        agent: e.agent,
        callIndex: previous?.modelCalls ?? 0,
        startSeq: id,
        endSeq: id,
        sharedBefore: s.sharedCount,
        text: '',
        toolCalls: [],
      };
      const agent = agentOf(s, e.agent);
      return {
        ...closeTurn(s),
        activeAgent: e.agent,
        lastStarted: e.agent,
        streaming: { agent: e.agent, text: '' },
        modelCalls: s.modelCalls + 1,
        turns: push(s.turns, turn),
        chat: cutStreaming(s.chat),
        agents: withAgent(s, {
          ...agent,
          visits: agent.visits + (entering ? 1 : 0),
          modelCalls: agent.modelCalls + 1,
          turns: [...agent.turns, turn.index],
          lastSeq: id,
        }),
      };
    }
    case 'text_delta':
      return {
        ...s,
        streaming: {
          agent: e.agent,
          text: (s.streaming?.agent === e.agent ? s.streaming.text : '') + e.delta,
        },
        chat: appendDelta(s.chat, id, e.agent, e.delta),
      };
    case 'message':
      return {
        ...s,
        streaming: undefined,
        sharedCount: s.sharedCount + 1,
        chat: finishMessage(
          s.chat,
          id,
          e.agent,
          e.text,
          usageForItem(last(s.turns), e.agent, 'message'),
        ),
        turns: updateTurn(s, e.agent, (t) => ({ ...t, text: e.text, endSeq: id })),
      };
    case 'tool_call': {
      const handoffTarget = e.handoffTarget;
      const usage = usageForItem(last(s.turns), e.agent, 'tool');
      const item: ChatItem = {
        kind: 'tool',
        id,
        agent: e.agent,
        callId: e.callId,
        name: e.name,
        arguments: e.arguments,
        ...(handoffTarget !== undefined ? { handoffTarget } : {}),
        ...(usage ? { usage } : {}),
      };
      const call = { callId: e.callId, name: e.name, arguments: e.arguments };
      return {
        ...s,
        streaming: undefined,
        chat: push(cutStreaming(s.chat), item),
        turns: updateTurn(s, e.agent, (t) => ({
          ...t,
          toolCalls: [...t.toolCalls, call],
          endSeq: id,
        })),
      };
    }
    case 'tool_result':
      return {
        ...s,
        chat: updateLast(
          s.chat,
          'tool',
          (i) => i.callId === e.callId,
          (i) => ({ ...i, result: e.result, isError: e.isError }),
        ),
        turns: updateTurn(s, e.agent, (t) => ({
          ...t,
          endSeq: id,
          toolCalls: t.toolCalls.map((c) =>
            c.callId === e.callId ? { ...c, result: e.result, isError: e.isError } : c,
          ),
        })),
        agents: touch(s, e.agent, id),
      };
    case 'handoff': {
      const key = edgeKey(e.from, e.to);
      const edge = own(s.edges, key) ?? { source: e.from, target: e.to, count: 0, crossings: [] };
      const crossing = { seq: id, ...(e.reason !== undefined ? { reason: e.reason } : {}) };
      return {
        ...s,
        activeAgent: e.to,
        handoffs: s.handoffs + 1,
        lastHandoff: { ...crossing, source: e.from, target: e.to },
        edges: {
          ...s.edges,
          [key]: { ...edge, count: edge.count + 1, crossings: [...edge.crossings, crossing] },
        },
        chat: push(s.chat, {
          kind: 'handoff',
          id,
          from: e.from,
          to: e.to,
          ...(e.reason !== undefined ? { reason: e.reason } : {}),
        }),
        turns: updateTurn(s, e.from, (t) => ({ ...t, handoffTo: e.to, endSeq: id })),
      };
    }
    case 'input_requested':
      return request(s, { kind: 'input', requestId: e.requestId, agent: e.agent }, id);
    case 'approval_requested': {
      const { requestId, agent, callId, name } = e;
      return request(
        s,
        { kind: 'approval', requestId, agent, callId, name, arguments: e.arguments },
        id,
      );
    }
    case 'approval_resolved':
      return resolveApproval(s, e);
    case 'user_message':
      return userMessage(s, e, id);
    case 'checkpoint_saved':
      return {
        ...s,
        checkpoints: push(s.checkpoints, { checkpointId: e.checkpointId, seq: id }),
      };
    case 'breakpoint':
      return { ...s, breakpoint: { kind: e.kind, agent: e.agent, ...(e.to ? { to: e.to } : {}) } };
    case 'breakpoint_released':
      return { ...s, breakpoint: undefined };
    case 'usage':
      return applyUsage(s, e, id);
    case 'model_retry':
      return { ...s, chat: push(s.chat, notice(id, 'warning', e.message, e.reason)) };
    case 'warning':
      return warning(s, e, id);
    case 'completed': {
      const ended = endInvocation(s, 'completed');
      const chat =
        e.reason === 'user_terminated'
          ? updateLast(
              ended.chat,
              'input',
              (i) => i.answer === undefined,
              (i) => ({ ...i, answer: 'ended' }),
            )
          : ended.chat;
      return {
        ...ended,
        end: { kind: 'completed', reason: e.reason },
        chat: push(chat, notice(id, 'success', `Run completed (${e.reason.replace(/_/g, ' ')}).`)),
      };
    }
    case 'failed': {
      const ended = endInvocation(s, 'failed');
      return {
        ...ended,
        end: { kind: 'failed', code: e.error.code, message: e.error.message },
        chat: push(ended.chat, notice(id, 'error', e.error.message, e.error.code)),
      };
    }
    case 'stopped': {
      const ended = endInvocation(s, 'stopped');
      return {
        ...ended,
        end: { kind: 'stopped' },
        chat: push(ended.chat, notice(id, 'info', 'Stopped. The run can be resumed.')),
      };
    }
  }
}
