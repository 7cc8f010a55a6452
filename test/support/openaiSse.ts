/**
 * Turns a scripted reply into what the Chat Completions API sends: `chat.completion.chunk` events
 * (each the JSON text of one `data:` line, ending with `[DONE]`) or one `chat.completion` body.
 */
import type { ChatRequestBody, ScriptedReply, ScriptedUsage } from './openaiScript';

const CREATED = 1_700_000_000;

/** The JSON texts of the SSE `data:` lines for one streamed reply, `[DONE]` last. */
export function chunkEvents(
  scripted: ScriptedReply,
  body: ChatRequestBody,
  callIndex: number,
): string[] {
  const includeUsage = body.stream_options?.include_usage === true;
  const base = {
    id: `chatcmpl-test-${callIndex}`,
    object: 'chat.completion.chunk',
    created: CREATED,
    model: body.model ?? 'gpt-test',
    system_fingerprint: null,
  };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    JSON.stringify({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(includeUsage ? { usage: null } : {}),
    });

  const events = [chunk({ role: 'assistant', content: '' })];
  for (const piece of splitText(scripted.text ?? '', scripted.textChunkSize)) {
    events.push(chunk({ content: piece }));
  }
  const perCall = (scripted.toolCalls ?? []).map((call, index) => [
    chunk({
      tool_calls: [
        {
          index,
          id: call.id ?? toolCallId(callIndex, index),
          type: 'function',
          function: { name: call.name, arguments: '' },
        },
      ],
    }),
    ...slices(call.arguments, scripted.argumentsChunkSize ?? 8).map((part) =>
      chunk({ tool_calls: [{ index, function: { arguments: part } }] }),
    ),
  ]);
  events.push(...(scripted.interleaveToolCalls ? roundRobin(perCall) : perCall.flat()));
  const finishReason = finishReasonOf(scripted);
  if (finishReason !== null) events.push(chunk({}, finishReason));
  if (includeUsage && scripted.usage !== null) {
    const usage = scripted.usage ?? defaultUsage(body, events.length);
    events.push(JSON.stringify({ ...base, choices: [], usage }));
  }
  if (!scripted.omitDone) events.push('[DONE]');
  return events;
}

/** The `chat.completion` body for a reply that is not streamed. */
export function completionBody(
  scripted: ScriptedReply,
  body: ChatRequestBody,
  callIndex: number,
): Record<string, unknown> {
  const calls = scripted.toolCalls ?? [];
  return {
    id: `chatcmpl-test-${callIndex}`,
    object: 'chat.completion',
    created: CREATED,
    model: body.model ?? 'gpt-test',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: scripted.text ?? null,
          refusal: null,
          ...(calls.length
            ? {
                tool_calls: calls.map((call, index) => ({
                  id: call.id ?? toolCallId(callIndex, index),
                  type: 'function',
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: finishReasonOf(scripted),
      },
    ],
    usage: scripted.usage ?? defaultUsage(body, 1 + calls.length),
  };
}

function finishReasonOf(scripted: ScriptedReply): string | null {
  if (scripted.finishReason !== undefined) return scripted.finishReason;
  return scripted.toolCalls?.length ? 'tool_calls' : 'stop';
}

function toolCallId(callIndex: number, index: number): string {
  return `call_${callIndex}_${index}`;
}

/** Words (with their surrounding spaces) by default, so a sentence arrives as several deltas. */
function splitText(text: string, size: number | undefined): string[] {
  if (text === '') return [];
  if (size !== undefined) return slices(text, size);
  return text.match(/\s*\S+\s*/g) ?? [text];
}

function slices(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += Math.max(1, size)) out.push(text.slice(i, i + size));
  return out;
}

function roundRobin(lists: string[][]): string[] {
  const out: string[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) {
      const item = list[i];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}

function defaultUsage(body: ChatRequestBody, completionTokens: number): ScriptedUsage {
  const words = (body.messages ?? [])
    .map((m) => (typeof m.content === 'string' ? m.content : ''))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean).length;
  return {
    prompt_tokens: words,
    completion_tokens: completionTokens,
    total_tokens: words + completionTokens,
  };
}
