/**
 * Reading the GenAI semantic-convention attributes Agent Framework writes (agent_framework's
 * observability.py, `OtelAttr`; the latest experimental conventions, `OTEL_SEMCONV_STABILITY_OPT_IN
 * =gen_ai_latest_experimental`): operations, tool definitions and messages with their parts.
 */
import { scanDepth } from '../../model';
import type { OtlpSpan } from './otlpSpans';
import { text } from './otlpSpans';

export const ATTR = {
  operation: 'gen_ai.operation.name',
  agentName: 'gen_ai.agent.name',
  agentDescription: 'gen_ai.agent.description',
  toolDefinitions: 'gen_ai.tool.definitions',
  systemInstructions: 'gen_ai.system_instructions',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
  requestModel: 'gen_ai.request.model',
  finishReasons: 'gen_ai.response.finish_reasons',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
  toolName: 'gen_ai.tool.name',
  toolCallId: 'gen_ai.tool.call.id',
  toolDescription: 'gen_ai.tool.description',
  toolArguments: 'gen_ai.tool.call.arguments',
  toolResult: 'gen_ai.tool.call.result',
  executorId: 'executor.id',
  messageType: 'message.type',
  destination: 'message.destination_executor_id',
  workflowDefinition: 'workflow.definition',
  workflowName: 'workflow.name',
  workflowDescription: 'workflow.description',
  builderName: 'workflow_builder.name',
  builderDescription: 'workflow_builder.description',
} as const;

export const operationOf = (span: OtlpSpan): string | undefined => text(span, ATTR.operation);

/** A JSON-text attribute, parsed when it is JSON of sane depth (else undefined). */
export function parsedAttribute(span: OtlpSpan, key: string): unknown {
  const value = text(span, key);
  if (value === undefined || scanDepth(value) > 32) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export interface ToolDefinition {
  name: string;
  description: string;
  parameters?: Record<string, unknown>;
}

/** `gen_ai.tool.definitions`: the function tools the agent's model was offered. */
export function toolDefinitions(span: OtlpSpan): ToolDefinition[] | undefined {
  const raw = parsedAttribute(span, ATTR.toolDefinitions);
  if (!Array.isArray(raw)) return undefined;
  return raw.flatMap((item) => {
    if (!isObject(item)) return [];
    // Both the flat shape AF writes and the Chat Completions shape ({function: {...}}).
    const fn = isObject(item.function) ? item.function : item;
    const name = str(fn.name);
    if (!name) return [];
    return [
      {
        name,
        description: str(fn.description) ?? '',
        ...(isObject(fn.parameters) ? { parameters: fn.parameters } : {}),
      },
    ];
  });
}

export interface MessagePart {
  type: string;
  content?: string;
  id?: string;
  name?: string;
  arguments?: unknown;
  response?: unknown;
  /** A function approval request or response: the call it is about. */
  functionCall?: { callId?: string; name?: string; arguments?: unknown };
  approved?: boolean;
}

export interface GenAiMessage {
  role: string;
  parts: MessagePart[];
}

/** `gen_ai.input.messages` / `gen_ai.output.messages`, or undefined when not captured. */
export function messagesOf(span: OtlpSpan, key: string): GenAiMessage[] | undefined {
  const raw = parsedAttribute(span, key);
  if (!Array.isArray(raw)) return undefined;
  return raw.flatMap((message) => {
    if (!isObject(message) || !Array.isArray(message.parts)) return [];
    return [
      {
        role: str(message.role) ?? '',
        parts: message.parts.flatMap((part): MessagePart[] => {
          if (!isObject(part) || typeof part.type !== 'string') return [];
          const call = isObject(part.function_call) ? part.function_call : undefined;
          return [
            {
              type: part.type,
              ...(str(part.content) !== undefined ? { content: str(part.content) } : {}),
              ...(str(part.id) !== undefined ? { id: str(part.id) } : {}),
              ...(str(part.name) !== undefined ? { name: str(part.name) } : {}),
              ...('arguments' in part ? { arguments: part.arguments } : {}),
              ...('response' in part ? { response: part.response } : {}),
              ...(typeof part.approved === 'boolean' ? { approved: part.approved } : {}),
              ...(call
                ? {
                    functionCall: {
                      ...(str(call.call_id) !== undefined ? { callId: str(call.call_id) } : {}),
                      ...(str(call.name) !== undefined ? { name: str(call.name) } : {}),
                      ...('arguments' in call ? { arguments: call.arguments } : {}),
                    },
                  }
                : {}),
            },
          ];
        }),
      },
    ];
  });
}

/** Tool arguments as our events hold them: the JSON object, or the raw text. */
export function toolArguments(raw: unknown): Record<string, unknown> | string {
  if (isObject(raw)) return raw;
  if (typeof raw !== 'string') return raw === undefined ? '' : JSON.stringify(raw);
  if (raw.trim() === '') return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return isObject(parsed) ? parsed : raw;
  } catch {
    return raw;
  }
}

/** A tool result as text. */
export const resultText = (raw: unknown): string =>
  typeof raw === 'string' ? raw : raw === undefined ? '' : JSON.stringify(raw);
