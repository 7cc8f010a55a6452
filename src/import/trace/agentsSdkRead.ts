/**
 * Reading what an Agents SDK trace processor writes (docs/spec/import-trace.md#openai-agents-sdk):
 * the SDK's `toJSON()` / `export()` objects — `{object: "trace", …}` and
 * `{object: "trace.span", …}` — as a JSON array, as the ingest exporter's `{ "data": [...] }`, as
 * NDJSON (one object a line), or as one object. Only shapes are checked here; nothing is
 * evaluated. A span of another trace, or one whose fields have the wrong types, is left out with
 * a note.
 */
import { invalidTrace, type NoteLog } from './agentsSdkNotes';

export const AGENTS_SDK_LIMITS = {
  /** Longest text read (UTF-16 code units), as every trace import. */
  maxChars: 50 * 1024 * 1024,
  /** Most objects (traces, spans, anything else) read. */
  maxItems: 200_000,
  /** Most spans imported, as every trace import. */
  maxSpans: 100_000,
} as const;

export interface SdkSpanError {
  message: string;
  /** The call a person rejected, when the error is the SDK's rejection of an approval. */
  rejectedCallId?: string;
}

/**
 * What the JS SDK (`toolExecution`) puts in `error.data.error` of a function span whose call a
 * person rejected, the one mark of a rejection in its traces (the Python SDK's `tool_execution`
 * has the same sentence).
 */
const REJECTION = /^Tool execution for (\S+) was manually rejected by user\.$/;

/** One span as the importer uses it; `data` is the SDK's `span_data`. */
export interface SdkSpan {
  id: string;
  parentId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  type: string;
  data: Record<string, unknown>;
  error: SdkSpanError | null;
  /** Position in the file: the tie-break of spans that started at the same time. */
  index: number;
}

export interface SdkTrace {
  traceId: string | undefined;
  workflowName: string | undefined;
  spans: SdkSpan[];
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringOrNull = (value: unknown): value is string | null | undefined =>
  value === undefined || value === null || typeof value === 'string';

/** The objects of the file: `json` is decoded JSON, or the file's text (JSON or NDJSON). */
export function readItems(json: unknown, notes: NoteLog): unknown[] {
  if (typeof json === 'string') return readText(json, notes);
  if (Array.isArray(json)) return checkCount(json);
  if (isRecord(json)) {
    if (Array.isArray(json.data)) return checkCount(json.data);
    // Traces and spans kept apart by a processor: `{ "traces": [...], "spans": [...] }`.
    if (Array.isArray(json.traces) || Array.isArray(json.spans)) {
      const traces = Array.isArray(json.traces) ? json.traces : [];
      const spans = Array.isArray(json.spans) ? json.spans : [];
      return checkCount([...checkCount(traces), ...checkCount(spans)]);
    }
    if (json.object === 'trace' || json.object === 'trace.span') return [json];
  }
  throw invalidTrace(
    'it is not an OpenAI Agents SDK trace (expected a list of trace and span objects, ' +
      '{"data": [...]}, or one object a line)',
  );
}

function checkCount(items: unknown[]): unknown[] {
  if (items.length > AGENTS_SDK_LIMITS.maxItems) {
    throw invalidTrace(
      `it holds too many items (${items.length}; at most ${AGENTS_SDK_LIMITS.maxItems})`,
    );
  }
  return items;
}

function readText(input: string, notes: NoteLog): unknown[] {
  if (input.length > AGENTS_SDK_LIMITS.maxChars) {
    throw invalidTrace(
      `it is too large (${input.length} characters; at most ${AGENTS_SDK_LIMITS.maxChars})`,
    );
  }
  const text = input.replace(/^\uFEFF/, '').trim();
  if (text === '') throw invalidTrace('it is empty');
  let whole: unknown;
  let wholeError: string | undefined;
  try {
    whole = JSON.parse(text);
  } catch (error) {
    wholeError = error instanceof Error ? error.message : String(error);
  }
  if (wholeError === undefined) return readItems(whole, notes);
  // A JSON array (or the exporter's object) cut off is not NDJSON: say what JSON.parse said.
  const lines = text.split(/\r?\n/);
  if (text.startsWith('[') || lines.length < 2) {
    throw invalidTrace(`it is not JSON (${wholeError})`);
  }
  return readLines(lines, notes);
}

function readLines(lines: string[], notes: NoteLog): unknown[] {
  const items: unknown[] = [];
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last -= 1;
  for (let i = 0; i <= last; i += 1) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      items.push(JSON.parse(line));
    } catch (error) {
      // A processor stopped mid-write leaves its last line cut off: the lines before still count.
      if (i === last) {
        notes.add(
          'left_out',
          'truncated_line',
          `Line ${i + 1}, the last one, is cut off and was left out.`,
        );
        continue;
      }
      const why = error instanceof Error ? error.message : String(error);
      throw invalidTrace(`line ${i + 1} is not JSON (${why})`);
    }
    if (items.length > AGENTS_SDK_LIMITS.maxItems) checkCount(items);
  }
  return items;
}

/**
 * The spans of the file's first trace, checked field by field; the trace object is optional
 * (a processor may write spans only).
 */
export function readTrace(items: readonly unknown[], notes: NoteLog): SdkTrace {
  let traceId: string | undefined;
  let workflowName: string | undefined;
  const spans: SdkSpan[] = [];
  items.forEach((item, index) => {
    if (!isRecord(item)) {
      notes.add('left_out', 'not_an_object', `Item ${index} is not an object and was left out.`);
      return;
    }
    const id = typeof item.trace_id === 'string' ? item.trace_id : item.id;
    if (item.object === 'trace') {
      if (typeof item.id !== 'string') {
        notes.add('left_out', 'bad_field', `Trace object ${index} has no id; left out.`);
        return;
      }
      if (traceId === undefined) traceId = item.id;
      if (item.id !== traceId) return otherTrace(notes, item.id);
      if (typeof item.workflow_name === 'string') workflowName = item.workflow_name;
      return;
    }
    if (item.object !== 'trace.span') {
      notes.add('left_out', 'unknown_object', `Item ${index} is neither a trace nor a span.`);
      return;
    }
    const span = toSpan(item, index);
    if (typeof span === 'string') {
      const spanId = typeof item.id === 'string' ? item.id : undefined;
      notes.add('left_out', 'bad_field', `Span ${index}: ${span}; left out.`, spanId);
      return;
    }
    if (typeof id === 'string') {
      if (traceId === undefined) traceId = id;
      if (id !== traceId) return otherTrace(notes, id, span.id);
    }
    spans.push(span);
    if (spans.length > AGENTS_SDK_LIMITS.maxSpans) {
      throw invalidTrace(`it holds too many spans (more than ${AGENTS_SDK_LIMITS.maxSpans})`);
    }
  });
  return { traceId, workflowName, spans };
}

function otherTrace(notes: NoteLog, traceId: string, spanId?: string): void {
  notes.add(
    'left_out',
    'other_trace',
    `An item of another trace (${traceId}) was left out: one trace is imported at a time.`,
    spanId,
  );
}

/** The span, or why it cannot be used. */
function toSpan(item: Record<string, unknown>, index: number): SdkSpan | string {
  if (typeof item.id !== 'string' || item.id === '') return 'its id is not a string';
  if (!stringOrNull(item.parent_id)) return 'its parent_id is not a string or null';
  if (!stringOrNull(item.started_at) || !stringOrNull(item.ended_at)) {
    return 'its started_at or ended_at is not a string or null';
  }
  const data = item.span_data;
  if (!isRecord(data) || typeof data.type !== 'string') return 'its span_data has no type';
  const error = item.error;
  let spanError: SdkSpanError | null = null;
  if (isRecord(error)) {
    const detail = isRecord(error.data) ? error.data.error : undefined;
    const rejected = typeof detail === 'string' ? REJECTION.exec(detail)?.[1] : undefined;
    spanError = {
      message: typeof error.message === 'string' ? error.message : 'error',
      ...(rejected !== undefined ? { rejectedCallId: rejected } : {}),
    };
  } else if (error !== undefined && error !== null) {
    return 'its error is not an object';
  }
  return {
    id: item.id,
    parentId: item.parent_id ?? null,
    startedAt: item.started_at ?? null,
    endedAt: item.ended_at ?? null,
    type: data.type,
    data,
    error: spanError,
    index,
  };
}
