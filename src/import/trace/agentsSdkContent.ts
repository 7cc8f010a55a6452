/**
 * What one model span (`generation`, `response`) of an Agents SDK trace holds, read defensively:
 * the model, the system message (the agent's instructions), the user's messages, the reply's text
 * and tool calls, token usage, and tool definitions where a span carries them. Input and output
 * are there only when the run captured content (`traceIncludeSensitiveData`); nothing here is
 * guessed when they are not. The JS SDK stores the whole chat completion as `output`, the Python
 * SDK its message: both are read.
 */
import { isRecord } from './agentsSdkRead';

export interface SdkToolCall {
  id: string;
  name: string;
  /** The raw argument text the model sent. */
  arguments: string;
}

export interface SdkUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface SdkToolDefinition {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
}

export interface ModelCall {
  model: string | undefined;
  /** True when the span holds the call's input or output (content capture was on). */
  captured: boolean;
  system: string | undefined;
  /** The user-role messages of the input, in order. */
  userMessages: string[];
  /** The results the input carries for earlier calls, by call id. */
  toolResults: Map<string, string>;
  text: string | undefined;
  toolCalls: SdkToolCall[];
  usage: SdkUsage | undefined;
  tools: SdkToolDefinition[];
}

/** Text of a chat message's `content`: a string, or the text of its parts. */
export function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const parts = content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : undefined))
    .filter((text): text is string => text !== undefined);
  return parts.length > 0 ? parts.join('') : undefined;
}

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;

/** Usage as the SDK spans write it (`input_tokens`) or as chat completions do (`prompt_tokens`). */
export function usageOf(raw: unknown): SdkUsage | undefined {
  if (!isRecord(raw)) return undefined;
  const prompt = count(raw.input_tokens) ?? count(raw.prompt_tokens);
  const completion = count(raw.output_tokens) ?? count(raw.completion_tokens);
  if (prompt === undefined || completion === undefined) return undefined;
  return {
    promptTokens: prompt,
    completionTokens: completion,
    totalTokens: count(raw.total_tokens) ?? prompt + completion,
  };
}

function toolCallsOf(message: Record<string, unknown>): SdkToolCall[] {
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  const out: SdkToolCall[] = [];
  for (const call of calls) {
    if (!isRecord(call) || typeof call.id !== 'string') continue;
    const fn = isRecord(call.function) ? call.function : undefined;
    if (!fn || typeof fn.name !== 'string') continue;
    out.push({
      id: call.id,
      name: fn.name,
      arguments: typeof fn.arguments === 'string' ? fn.arguments : '',
    });
  }
  return out;
}

/** The assistant message of one `output` entry: a chat completion's first choice, or a message. */
function replyMessage(entry: unknown): Record<string, unknown> | undefined {
  if (!isRecord(entry)) return undefined;
  if (Array.isArray(entry.choices)) {
    const choice: unknown = entry.choices[0];
    return isRecord(choice) && isRecord(choice.message) ? choice.message : undefined;
  }
  return entry.role === 'assistant' ? entry : undefined;
}

function toolDefinitions(raw: unknown): SdkToolDefinition[] {
  if (!Array.isArray(raw)) return [];
  const out: SdkToolDefinition[] = [];
  for (const entry of raw) {
    if (!isRecord(entry)) continue;
    const fn = isRecord(entry.function) ? entry.function : entry;
    if (typeof fn.name !== 'string') continue;
    out.push({
      name: fn.name,
      ...(typeof fn.description === 'string' ? { description: fn.description } : {}),
      ...(isRecord(fn.parameters) ? { parameters: fn.parameters } : {}),
    });
  }
  return out;
}

/** Reads a `generation` or `response` span's data. */
export function readModelCall(data: Record<string, unknown>): ModelCall {
  const input = Array.isArray(data.input) ? data.input : undefined;
  const output = Array.isArray(data.output) ? data.output : undefined;
  let system: string | undefined;
  const userMessages: string[] = [];
  const toolResults = new Map<string, string>();
  for (const message of input ?? []) {
    if (!isRecord(message)) continue;
    const text = contentText(message.content);
    if (message.role === 'system' && system === undefined) system = text;
    else if (message.role === 'user' && text !== undefined) userMessages.push(text);
    else if (message.role === 'tool' && typeof message.tool_call_id === 'string') {
      toolResults.set(message.tool_call_id, text ?? '');
    }
  }
  let text: string | undefined;
  const toolCalls: SdkToolCall[] = [];
  let usage = usageOf(data.usage);
  for (const entry of output ?? []) {
    const message = replyMessage(entry);
    if (!message) continue;
    const reply = contentText(message.content);
    if (reply !== undefined && reply !== '') text = (text ?? '') + reply;
    toolCalls.push(...toolCallsOf(message));
    if (!usage && isRecord(entry)) usage = usageOf(entry.usage);
  }
  return {
    model: typeof data.model === 'string' ? data.model : undefined,
    captured: input !== undefined || output !== undefined,
    system,
    userMessages,
    toolResults,
    text,
    toolCalls,
    usage,
    tools: toolDefinitions(data.tools),
  };
}
