/**
 * A run of ours as OTLP/JSON (docs/spec/export-otlp.md): the GenAI semantic conventions' spans —
 * `invoke_agent` per stretch of one agent holding the conversation, `chat` per model call,
 * `execute_tool` per tool call, each handoff an `execute_tool` span of its transfer tool
 * (`handoff_to_<target>`) — under one `workflow.run` span, so any OTLP tool shows the handoffs.
 * Every event of the run rides along as a span event (`handoff_studio.event`), and the document
 * on the root span, so importing the file gives the same run back.
 */
import type { RunEvent } from '../../engine/events';
import { fnv1a64 } from '../../engine/hash';
import { buildTopology, serializeWorkflow, toolCatalogue, type Workflow } from '../../model';
import { HANDOFF_STUDIO_SERVICE } from './detect';
import { ATTR } from './genai';

export const OUR_ATTR = {
  event: 'handoff_studio.event',
  workflow: 'handoff_studio.workflow',
  runId: 'handoff_studio.run_id',
} as const;
/** The name of the span event that carries one run event. */
export const EVENT_NAME = 'handoff_studio.event';

type AnyValue = { stringValue: string } | { intValue: string } | { boolValue: boolean };
interface KeyValue {
  key: string;
  value: AnyValue;
}
export interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: KeyValue[];
  events: Array<{ timeUnixNano: string; name: string; attributes: KeyValue[] }>;
  status: { code: number };
}
export interface OtlpJson {
  resourceSpans: Array<{
    resource: { attributes: KeyValue[] };
    scopeSpans: Array<{ scope: { name: string; version: string }; spans: OtlpJsonSpan[] }>;
  }>;
}

export interface OtlpExportOptions {
  /** The run's id (the trace id is made from it); the `run_started` event's when absent. */
  runId?: string;
  /** When the run started (ISO 8601): span times count from it; the epoch when absent. */
  startedAt?: string;
}

const INTERNAL = 1;
const CLIENT = 3;
const MS = 1_000_000n;

const kv = (key: string, value: string | number | boolean): KeyValue => ({
  key,
  value:
    typeof value === 'string'
      ? { stringValue: value }
      : typeof value === 'boolean'
        ? { boolValue: value }
        : { intValue: String(Math.trunc(value)) },
});

/** The run as one OTLP `ExportTraceServiceRequest` (JSON mapping, hex ids). */
export function exportRunOtlp(
  events: readonly RunEvent[],
  workflow: Workflow,
  options: OtlpExportOptions = {},
): OtlpJson {
  const started = events.find((e) => e.type === 'run_started');
  const runId = options.runId ?? (started?.type === 'run_started' ? started.runId : 'run');
  const traceId = fnv1a64(`${runId}/trace`) + fnv1a64(`${runId}/id`);
  const base = BigInt(Math.max(0, Date.parse(options.startedAt ?? '') || 0)) * MS;
  const at = (seq: number): string => String(base + BigInt(seq) * MS);
  const topology = buildTopology(workflow);
  const spans: OtlpJsonSpan[] = [];
  let counter = 0;
  const open = (name: string, parent: OtlpJsonSpan | undefined, seq: number, kind = INTERNAL) => {
    const span: OtlpJsonSpan = {
      traceId,
      spanId: fnv1a64(`${runId}/span/${counter++}`),
      ...(parent ? { parentSpanId: parent.spanId } : {}),
      name,
      kind,
      startTimeUnixNano: at(seq),
      endTimeUnixNano: '',
      attributes: [],
      events: [],
      status: { code: 0 },
    };
    spans.push(span);
    return span;
  };
  const first = events[0]?.seq ?? 0;
  const last = events.at(-1)?.seq ?? 0;
  const root = open(`workflow.run ${workflow.name}`, undefined, first);
  root.attributes.push(
    kv(ATTR.workflowName, workflow.name),
    kv(OUR_ATTR.runId, runId),
    kv(OUR_ATTR.workflow, serializeWorkflow(workflow)),
  );
  let invoke: { agent: string; span: OtlpJsonSpan } | undefined;
  let chat: { span: OtlpJsonSpan; parts: unknown[] } | undefined;
  const tools = new Map<string, OtlpJsonSpan>();
  const close = (span: OtlpJsonSpan | undefined, seq: number): void => {
    if (span && span.endTimeUnixNano === '') span.endTimeUnixNano = at(seq);
  };
  const closeChat = (seq: number): void => {
    if (!chat) return;
    if (chat.parts.length > 0) {
      chat.span.attributes.push(
        kv(ATTR.outputMessages, JSON.stringify([{ role: 'assistant', parts: chat.parts }])),
      );
    }
    close(chat.span, seq);
    chat = undefined;
  };
  const closeInvoke = (seq: number): void => {
    closeChat(seq);
    close(invoke?.span, seq);
    invoke = undefined;
  };
  for (const event of events) {
    const { seq } = event;
    // A span event stays inside its span's time: once the call has returned, on the invocation.
    const callOpen = chat !== undefined && chat.span.endTimeUnixNano === '';
    let holder: OtlpJsonSpan = (callOpen ? chat?.span : undefined) ?? invoke?.span ?? root;
    switch (event.type) {
      case 'agent_started': {
        if (invoke?.agent !== event.agent) {
          closeInvoke(seq);
          invoke = { agent: event.agent, span: invokeSpan(event.agent, seq) };
        }
        closeChat(seq);
        const model = topology.agents.get(event.agent)?.model ?? workflow.defaults.model;
        const span = open(`chat${model ? ` ${model}` : ''}`, invoke.span, seq, CLIENT);
        span.attributes.push(kv(ATTR.operation, 'chat'));
        if (model) span.attributes.push(kv(ATTR.requestModel, model));
        chat = { span, parts: [] };
        holder = span;
        break;
      }
      case 'usage':
        chat?.span.attributes.push(
          kv(ATTR.inputTokens, event.promptTokens),
          kv(ATTR.outputTokens, event.completionTokens),
        );
        // The model call has returned: its chat span ends here, before its tools run.
        if (chat) close(chat.span, seq);
        break;
      case 'message':
        chat?.parts.push({ type: 'text', content: event.text });
        break;
      case 'tool_call': {
        chat?.parts.push({
          type: 'tool_call',
          id: event.callId,
          name: event.name,
          arguments: event.arguments,
        });
        const span = open(`execute_tool ${event.name}`, invoke?.span ?? root, seq);
        span.attributes.push(
          kv(ATTR.operation, 'execute_tool'),
          kv(ATTR.toolName, event.name),
          kv(ATTR.toolCallId, event.callId),
          kv('gen_ai.tool.type', 'function'),
          kv(
            ATTR.toolArguments,
            typeof event.arguments === 'string' ? event.arguments : JSON.stringify(event.arguments),
          ),
        );
        const description = invoke
          ? toolCatalogue(workflow, topology, invoke.agent).find((t) => t.name === event.name)
          : undefined;
        if (description) span.attributes.push(kv(ATTR.toolDescription, description.description));
        tools.set(event.callId, span);
        break;
      }
      case 'tool_result': {
        const span = tools.get(event.callId);
        if (span) {
          span.attributes.push(kv(ATTR.toolResult, event.result));
          if (event.isError) span.status = { code: 2 };
          close(span, seq);
          holder = span;
        }
        break;
      }
      case 'handoff':
      case 'input_requested':
      case 'completed':
      case 'failed':
      case 'stopped':
        holder = invoke?.span ?? root;
        closeInvoke(seq);
        break;
      default:
        break;
    }
    holder.events.push({
      timeUnixNano: at(seq),
      name: EVENT_NAME,
      attributes: [kv(OUR_ATTR.event, JSON.stringify(event))],
    });
  }
  closeInvoke(last + 1);
  for (const span of spans) close(span, last + 1);

  function invokeSpan(agent: string, seq: number): OtlpJsonSpan {
    const span = open(`invoke_agent ${agent}`, root, seq);
    const definition = topology.agents.get(agent);
    const tools = toolCatalogue(workflow, topology, agent).map((t) => ({
      type: 'function',
      name: t.name,
      description: t.description,
      parameters: t.parameters,
    }));
    span.attributes.push(
      kv(ATTR.operation, 'invoke_agent'),
      kv(ATTR.agentName, agent),
      kv(ATTR.agentDescription, definition?.description ?? ''),
      kv(
        ATTR.systemInstructions,
        JSON.stringify([{ type: 'text', content: definition?.instructions ?? '' }]),
      ),
      kv(ATTR.toolDefinitions, JSON.stringify(tools)),
      kv('gen_ai.provider.name', HANDOFF_STUDIO_SERVICE),
    );
    return span;
  }

  return {
    resourceSpans: [
      {
        resource: { attributes: [kv('service.name', HANDOFF_STUDIO_SERVICE)] },
        scopeSpans: [{ scope: { name: HANDOFF_STUDIO_SERVICE, version: '1' }, spans }],
      },
    ],
  };
}

/** The file's text (pretty JSON, a newline at the end). */
export const otlpText = (otlp: OtlpJson): string => `${JSON.stringify(otlp, null, 1)}\n`;
