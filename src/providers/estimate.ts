/**
 * Token estimates for providers that cannot count: the simulator, and an OpenAI-compatible
 * server that reports no usage. About four characters a token (OpenAI's rule of thumb for
 * English), at least one token for anything non-empty; flagged `estimated` so that nobody
 * mistakes them for a bill.
 */
import type { ModelReply, ModelRequest, ModelUsage } from '../engine/provider';

const CHARS_PER_TOKEN = 4;

const tokensOf = (chars: number): number => (chars === 0 ? 0 : Math.ceil(chars / CHARS_PER_TOKEN));

/** Characters the model reads: every message's text and tool calls, and the tools offered. */
function promptChars(request: Pick<ModelRequest, 'messages' | 'tools'>): number {
  let chars = 0;
  for (const message of request.messages) {
    chars += message.content?.length ?? 0;
    if (message.role === 'assistant') {
      for (const call of message.toolCalls ?? []) chars += call.name.length + call.arguments.length;
    }
  }
  for (const tool of request.tools) {
    chars += tool.name.length + tool.description.length + JSON.stringify(tool.parameters).length;
  }
  return chars;
}

/** The estimated usage of one call: what it was given and what it answered. */
export function estimateUsage(
  request: Pick<ModelRequest, 'messages' | 'tools'>,
  reply: Pick<ModelReply, 'text' | 'toolCalls'>,
): ModelUsage {
  const promptTokens = tokensOf(promptChars(request));
  let replyChars = reply.text.length;
  for (const call of reply.toolCalls) replyChars += call.name.length + call.arguments.length;
  const completionTokens = tokensOf(replyChars);
  return {
    promptTokens,
    completionTokens,
    totalTokens: promptTokens + completionTokens,
    estimated: true,
  };
}
