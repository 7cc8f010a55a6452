/**
 * Conversions between the engine's provider contract (src/engine/provider.ts) and the Chat
 * Completions shapes of the `openai` SDK, and the accumulation of a streamed reply.
 */
import type {
  ChatCompletionChunk,
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type {
  ChatMessage,
  ModelReply,
  ModelToolCall,
  ModelUsage,
  ToolSpec,
} from '../engine/provider';

/** The participant-name charset of Chat Completions: letters, digits, `_`, `-`; 64 at most. */
const NAME_MAX = 64;

/**
 * Makes `name` acceptable as a message's `name` field: each disallowed character becomes `_`,
 * and the result is cut to 64 characters. `undefined` when nothing usable is left.
 */
export function sanitizeName(name: string): string | undefined {
  const clean = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, NAME_MAX);
  return /[A-Za-z0-9]/.test(clean) ? clean : undefined;
}

/** The engine's messages as Chat Completions message params, order kept. */
export function toChatCompletionMessages(
  messages: readonly ChatMessage[],
): ChatCompletionMessageParam[] {
  return messages.map((message): ChatCompletionMessageParam => {
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.content };
      case 'user':
        return { role: 'user', content: message.content };
      case 'tool':
        return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
      case 'assistant': {
        const name = message.name === undefined ? undefined : sanitizeName(message.name);
        const calls = message.toolCalls ?? [];
        return {
          role: 'assistant',
          // The API wants content or tool calls; an empty text reply is still a message.
          content: message.content ?? (calls.length ? null : ''),
          ...(name ? { name } : {}),
          ...(calls.length
            ? {
                tool_calls: calls.map((call) => ({
                  id: call.id,
                  type: 'function' as const,
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        };
      }
    }
  });
}

/** The engine's tool specs as function tools. */
export function toChatCompletionTools(tools: readonly ToolSpec[]): ChatCompletionFunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

/**
 * Folds `chat.completion.chunk`s into one reply: text in order (each piece also handed to
 * `onText`), tool calls by `index` (id and name from the first delta that carries them, the
 * arguments concatenated as they come, in whatever order the indexes interleave), and usage.
 */
export class ReplyAccumulator {
  private text = '';
  private readonly calls = new Map<number, ModelToolCall>();
  private usage: ModelUsage | undefined;
  /** Set once a choice reports a finish reason: the reply is complete. */
  finishReason: string | undefined;

  constructor(private readonly onText: (delta: string) => void) {}

  add(chunk: ChatCompletionChunk): void {
    if (chunk.usage) {
      this.usage = {
        promptTokens: chunk.usage.prompt_tokens,
        completionTokens: chunk.usage.completion_tokens,
        totalTokens: chunk.usage.total_tokens,
      };
    }
    // Only the first choice: the provider never asks for n > 1.
    const choice = chunk.choices?.find((c) => c.index === 0) ?? chunk.choices?.[0];
    if (!choice) return;
    const delta = choice.delta ?? {};
    // A refusal is what the model says instead of an answer: show it like text.
    for (const piece of [delta.content, delta.refusal]) {
      if (typeof piece === 'string' && piece !== '') {
        this.text += piece;
        this.onText(piece);
      }
    }
    for (const part of delta.tool_calls ?? []) {
      const call = this.calls.get(part.index) ?? { id: '', name: '', arguments: '' };
      if (!call.id && part.id) call.id = part.id;
      if (!call.name && part.function?.name) call.name = part.function.name;
      if (part.function?.arguments) call.arguments += part.function.arguments;
      this.calls.set(part.index, call);
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
  }

  /** The reply so far; calls sorted by index, a missing id replaced by a stable one. */
  reply(): ModelReply {
    const toolCalls = [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({ ...call, id: call.id || `call_${index}` }));
    return { text: this.text, toolCalls, ...(this.usage ? { usage: this.usage } : {}) };
  }
}
