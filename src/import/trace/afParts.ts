/**
 * The pieces of an Agent Framework trace that `afEvents` reads span by span
 * (docs/spec/import-trace.md#span-to-event): tool calls and results, finish reasons, user text, and
 * the notes for what is not there.
 */
import type { RunEventBody } from '../../engine/events';
import { handoffTargetOf } from '../../model';
import { ATTR, toolArguments, toolDefinitions, type GenAiMessage } from './genai';
import type { OtlpSpan } from './otlpSpans';
import { text } from './otlpSpans';
import type { TraceNote } from './types';

export function toolCall(agent: string, callId: string, name: string, args: unknown): RunEventBody {
  const target = handoffTargetOf(name);
  return {
    type: 'tool_call',
    agent,
    callId,
    name,
    arguments: toolArguments(args),
    ...(target !== undefined ? { handoffTarget: target } : {}),
  };
}

export function pushToolResult(
  events: RunEventBody[],
  agent: string,
  tool: OtlpSpan,
  responses: ReadonlyMap<string, string>,
  note: (n: TraceNote) => void,
  withCall: boolean,
): void {
  const callId = text(tool, ATTR.toolCallId) ?? '';
  const name = text(tool, ATTR.toolName) ?? '';
  const result = text(tool, ATTR.toolResult) ?? responses.get(callId);
  if (withCall && !events.some((e) => e.type === 'tool_call' && e.callId === callId)) {
    events.push(toolCall(agent, callId, name, text(tool, ATTR.toolArguments)));
  }
  if (result === undefined) {
    note(notCaptured(tool.spanId));
    return;
  }
  events.push({
    type: 'tool_result',
    agent,
    callId,
    name,
    result,
    isError: tool.attributes.get('error.type') !== undefined,
  });
}

export function finishReason(chat: OtlpSpan): string | undefined {
  const raw = chat.attributes.get(ATTR.finishReasons);
  if (typeof raw !== 'string') return Array.isArray(raw) ? String(raw[0]) : undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? String(parsed[0]) : raw;
  } catch {
    return raw;
  }
}

/** The last user message made of text in a span's input messages. */
export function lastUserText(messages: GenAiMessage[] | undefined): string | undefined {
  if (!messages) return undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.role !== 'user') continue;
    const texts = message.parts.filter((p) => p.type === 'text' && p.content !== undefined);
    if (texts.length > 0) return texts.map((p) => p.content).join('');
  }
  return undefined;
}

export const notCaptured = (spanId?: string): TraceNote => ({
  kind: 'missing',
  code: 'content_not_captured',
  message:
    'Message content, tool arguments and results are not in the trace (content capture was off): the run shows who answered, called and handed off, without the words.',
  ...(spanId ? { spanId } : {}),
});

export const userTextMissing = (spanId?: string): TraceNote => ({
  kind: 'missing',
  code: 'user_message_not_captured',
  message: "A user's reply is not in the trace: it is left out of the chat.",
  ...(spanId ? { spanId } : {}),
});

/** Whether an invoke_agent span offers any handoff (the agent is not terminal). */
export const offersHandoffs = (invoke: OtlpSpan): boolean =>
  (toolDefinitions(invoke) ?? []).some((d) => handoffTargetOf(d.name) !== undefined);
