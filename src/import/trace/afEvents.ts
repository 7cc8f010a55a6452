/**
 * An Agent Framework trace as our run event stream (docs/spec/import-trace.md#span-to-event).
 * Each `workflow.run` trace is one `run()` call: the first starts the run, a later one answers the
 * requests the previous left open (its first `executor.process` is a `MessageType.RESPONSE`).
 * Each `chat` span under an `invoke_agent` is one model call; `execute_tool` spans are tool calls;
 * the hop to the next agent is the `message.send` whose destination is that agent (AF writes no
 * span for the handoff call itself). Content (messages, arguments, results) is read only where it
 * was captured; what is not there is noted, never made up.
 */
import type { RunEventBody } from '../../engine/events';
import { handoffTargetOf } from '../../model';
import { ATTR, messagesOf, operationOf, resultText, toolArguments } from './genai';
import {
  finishReason,
  lastUserText,
  notCaptured,
  pushToolResult,
  toolCall,
  userTextMissing,
} from './afParts';
import type { OtlpSpan } from './otlpSpans';
import { num, text } from './otlpSpans';
import type { TraceNote } from './types';

type Pending =
  | { kind: 'input'; agent: string }
  | { kind: 'approval'; agent: string; requests: Array<{ requestId: string; callId: string }> };

export interface AfRun {
  events: RunEventBody[];
  /** Tools whose calls waited for approval (they become `always_require`). */
  approvalTools: Set<string>;
  notes: TraceNote[];
  /** Agents that held the conversation at the end, when the run ended by itself. */
  lastAgent?: string;
}

const NS_PER_MS = 1_000_000n;

export function afEvents(
  spans: readonly OtlpSpan[],
  endsWith: (
    agent: string,
    text: string | undefined,
  ) => 'terminal_agent' | 'termination_condition' | undefined,
): AfRun {
  const children = new Map<string, OtlpSpan[]>();
  for (const span of spans) {
    if (span.parentSpanId === undefined) continue;
    const list = children.get(span.parentSpanId) ?? [];
    list.push(span);
    children.set(span.parentSpanId, list);
  }
  const kids = (span: OtlpSpan): OtlpSpan[] => children.get(span.spanId) ?? [];
  // One run() call per trace id, in the order they started.
  const traces = new Map<string, OtlpSpan[]>();
  for (const span of spans) {
    const list = traces.get(span.traceId) ?? [];
    list.push(span);
    traces.set(span.traceId, list);
  }
  const runs = [...traces.values()].filter((list) =>
    list.some((s) => s.name === 'workflow.run' || operationOf(s) === 'invoke_agent'),
  );
  const events: RunEventBody[] = [];
  const notes = new Map<string, TraceNote>();
  const note = (n: TraceNote): void => {
    if (!notes.has(n.code)) notes.set(n.code, n);
  };
  const approvalTools = new Set<string>();
  const calls = new Map<string, number>();
  let pending: Pending | undefined;
  let lastReply: { agent: string; text: string | undefined } | undefined;
  let inputs = 0;

  runs.forEach((run, index) => {
    const invokes = run.filter((s) => operationOf(s) === 'invoke_agent');
    if (index === 0) {
      events.push({ type: 'run_started', runId: `trace-${run[0]!.traceId.slice(0, 16)}` });
      const opening = invokes[0]
        ? lastUserText(messagesOf(invokes[0], ATTR.inputMessages))
        : undefined;
      if (opening !== undefined) events.push({ type: 'user_message', text: opening });
      else note(notCaptured(invokes[0]?.spanId));
    } else if (pending?.kind === 'input') {
      const reply = invokes[0]
        ? lastUserText(messagesOf(invokes[0], ATTR.inputMessages))
        : undefined;
      if (invokes.length === 0) {
        // No agent answered again: the user ended the conversation (AF's terminate(): nothing is
        // sent on), or the reply met the termination condition (it is sent on, then the run stops).
        const response = run.find((s) => s.name.startsWith('executor.process'));
        const sent = response ? kids(response).some((s) => s.name === 'message.send') : false;
        if (sent) note(userTextMissing(response?.spanId));
        events.push({
          type: 'completed',
          reason: sent ? 'termination_condition' : 'user_terminated',
        });
        pending = undefined;
        return;
      }
      if (reply !== undefined) events.push({ type: 'user_message', text: reply });
      else note(userTextMissing(invokes[0]?.spanId));
      pending = undefined;
    } else if (pending?.kind === 'approval') {
      const answers = invokes[0] ? messagesOf(invokes[0], ATTR.inputMessages) : undefined;
      for (const request of pending.requests) {
        const part = answers
          ?.flatMap((m) => m.parts)
          .find(
            (p) =>
              p.type === 'function_approval_response' &&
              (p.id === request.requestId || p.functionCall?.callId === request.callId),
          );
        const executed = run.some(
          (s) => operationOf(s) === 'execute_tool' && text(s, ATTR.toolCallId) === request.callId,
        );
        events.push({
          type: 'approval_resolved',
          requestId: request.requestId,
          approved: part?.approved ?? executed,
        });
      }
      pending = undefined;
    }
    lastReply = undefined;
    for (const invoke of invokes) {
      const agent = text(invoke, ATTR.agentName) ?? '';
      const output = messagesOf(invoke, ATTR.outputMessages);
      const toolResponses = new Map(
        (output ?? [])
          .flatMap((m) => m.parts)
          .filter((p) => p.type === 'tool_call_response' && p.id !== undefined)
          .map((p) => [p.id!, resultText(p.response)]),
      );
      const chats = kids(invoke).filter((s) => operationOf(s) === 'chat');
      const tools = kids(invoke).filter((s) => operationOf(s) === 'execute_tool');
      const firstChat = chats[0]?.start ?? invoke.end;
      // Tools run before the first model call: calls approved in the previous run() call.
      for (const tool of tools.filter((t) => t.start < firstChat)) {
        pushToolResult(events, agent, tool, toolResponses, note, true);
      }
      const gatedIds = new Map(
        (output ?? [])
          .flatMap((m) => m.parts)
          .filter((p) => p.type === 'function_approval_request')
          .map((p) => [p.functionCall?.callId ?? '', p.id ?? '']),
      );
      let finish: string | undefined;
      let handoffCalled: string | undefined;
      chats.forEach((chat, c) => {
        const callIndex = calls.get(agent) ?? 0;
        calls.set(agent, callIndex + 1);
        events.push({ type: 'agent_started', agent });
        const prompt = num(chat, ATTR.inputTokens);
        const completion = num(chat, ATTR.outputTokens);
        if (prompt !== undefined || completion !== undefined) {
          events.push({
            type: 'usage',
            agent,
            promptTokens: prompt ?? 0,
            completionTokens: completion ?? 0,
            totalTokens: (prompt ?? 0) + (completion ?? 0),
            callIndex,
            durationMs: Number((chat.end - chat.start) / NS_PER_MS),
          });
        }
        finish = finishReason(chat);
        const next = chats[c + 1]?.start ?? invoke.end;
        const reply = messagesOf(chat, ATTR.outputMessages);
        const mine = tools.filter((t) => t.start >= chat.end && t.start < next);
        if (reply === undefined) {
          note(notCaptured(chat.spanId));
          for (const tool of mine) {
            const name = text(tool, ATTR.toolName) ?? '';
            if (handoffTargetOf(name) !== undefined) handoffCalled = name;
            events.push(
              toolCall(
                agent,
                text(tool, ATTR.toolCallId) ?? '',
                name,
                text(tool, ATTR.toolArguments),
              ),
            );
            pushToolResult(events, agent, tool, toolResponses, note, false);
          }
          lastReply = { agent, text: undefined };
          return;
        }
        const parts = reply.filter((m) => m.role === 'assistant').flatMap((m) => m.parts);
        const said = parts
          .filter((p) => p.type === 'text' && p.content)
          .map((p) => p.content)
          .join('');
        if (said) events.push({ type: 'message', agent, text: said });
        lastReply = { agent, text: said || undefined };
        const called = parts.filter((p) => p.type === 'tool_call');
        const gated = called.filter((p) => gatedIds.has(p.id ?? ''));
        for (const part of called) {
          const name = part.name ?? '';
          events.push(toolCall(agent, part.id ?? '', name, part.arguments));
          if (handoffTargetOf(name) !== undefined) handoffCalled = name;
          if (gated.length > 0) continue;
          const tool = mine.find((t) => text(t, ATTR.toolCallId) === part.id);
          if (tool) pushToolResult(events, agent, tool, toolResponses, note, false);
          else if (part.id !== undefined && toolResponses.has(part.id)) {
            events.push({
              type: 'tool_result',
              agent,
              callId: part.id,
              name,
              result: toolResponses.get(part.id)!,
              isError: false,
            });
          }
        }
        if (gated.length > 0) {
          const requests = gated.map((p) => ({
            requestId: gatedIds.get(p.id ?? '') ?? '',
            callId: p.id ?? '',
          }));
          for (const part of gated) {
            approvalTools.add(part.name ?? '');
            events.push({
              type: 'approval_requested',
              requestId: gatedIds.get(part.id ?? '') ?? '',
              agent,
              callId: part.id ?? '',
              name: part.name ?? '',
              arguments: toolArguments(part.arguments),
            });
          }
          pending = { kind: 'approval', agent, requests };
        }
      });
      const parent = spans.find((s) => s.spanId === invoke.parentSpanId);
      const executor = parent?.name.startsWith('executor.process') ? parent : undefined;
      // Autonomous continuations are several invocations in one executor.process: the hop is
      // its last one's.
      const lastInvoke = executor
        ? kids(executor)
            .filter((s) => operationOf(s) === 'invoke_agent')
            .at(-1)
        : undefined;
      // Without AF's executors (GenAI spans from elsewhere), the hop is the handoff tool's call.
      const target = executor
        ? lastInvoke === invoke
          ? kids(executor)
              .map((s) => (s.name === 'message.send' ? text(s, ATTR.destination) : undefined))
              .find((t) => t !== undefined)
          : undefined
        : handoffCalled !== undefined
          ? handoffTargetOf(handoffCalled)
          : undefined;
      if (target !== undefined) {
        if (handoffCalled !== undefined && handoffTargetOf(handoffCalled) !== target) {
          note({
            kind: 'flagged',
            code: 'handoff_mismatch',
            message: `${agent} called ${handoffCalled} but the conversation went to ${target}.`,
            spanId: invoke.spanId,
          });
        }
        events.push({ type: 'handoff', from: agent, to: target });
        lastReply = undefined;
      } else if (pending === undefined && finish !== 'stop') {
        lastReply = undefined;
      }
    }
    // Assigned in the callbacks above: TypeScript cannot follow it there.
    const last = lastReply as { agent: string; text: string | undefined } | undefined;
    if (pending === undefined && last !== undefined) {
      const isLast = index === runs.length - 1;
      const ended = isLast ? endsWith(last.agent, last.text) : undefined;
      if (ended) {
        events.push({ type: 'completed', reason: ended });
      } else {
        events.push({
          type: 'input_requested',
          requestId: `trace-input-${++inputs}`,
          agent: last.agent,
        });
        pending = { kind: 'input', agent: last.agent };
        if (isLast) {
          note({
            kind: 'missing',
            code: 'run_end_unknown',
            message: `The trace ends after ${last.agent}'s reply: shown as waiting for the user (a termination condition may have ended it; the trace does not say).`,
          });
        }
      }
    }
  });
  return { events, approvalTools, notes: [...notes.values()] };
}
