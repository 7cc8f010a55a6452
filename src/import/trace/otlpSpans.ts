/**
 * OTLP/JSON (the protobuf JSON mapping of `ExportTraceServiceRequest`) to plain spans. Only the
 * shape is read; values are data. Attribute values keep their JSON types (an `intValue` written
 * as a string becomes a number); a span without ids or name is left out and noted.
 */
import { invalidTrace, TRACE_LIMITS } from './read';
import type { TraceNote } from './types';

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** Nanoseconds since the epoch, as text (they overflow a double's exact range). */
  start: bigint;
  end: bigint;
  attributes: ReadonlyMap<string, unknown>;
  events: Array<{ name: string; time: bigint; attributes: ReadonlyMap<string, unknown> }>;
  /** The resource's `service.name`. */
  service?: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The spans of OTLP requests in start order (ties by end, then id), with notes on what was dropped. */
export function readOtlpSpans(requests: unknown[]): { spans: OtlpSpan[]; notes: TraceNote[] } {
  const spans: OtlpSpan[] = [];
  let dropped = 0;
  for (const request of requests) {
    for (const resourceSpans of list((request as Json).resourceSpans)) {
      if (!isObject(resourceSpans)) continue;
      const resource = attributesOf(
        isObject(resourceSpans.resource) ? resourceSpans.resource.attributes : undefined,
      );
      const service = resource.get('service.name');
      for (const scopeSpans of list(resourceSpans.scopeSpans)) {
        if (!isObject(scopeSpans)) continue;
        for (const raw of list(scopeSpans.spans)) {
          const span = readSpan(raw, typeof service === 'string' ? service : undefined);
          if (span) spans.push(span);
          else dropped++;
          if (spans.length > TRACE_LIMITS.maxSpans) {
            throw invalidTrace(`it holds more than ${TRACE_LIMITS.maxSpans} spans`);
          }
        }
      }
    }
  }
  spans.sort((a, b) =>
    a.start !== b.start
      ? a.start < b.start
        ? -1
        : 1
      : a.end !== b.end
        ? a.end < b.end
          ? -1
          : 1
        : 0,
  );
  const notes: TraceNote[] =
    dropped > 0
      ? [
          {
            kind: 'left_out',
            code: 'span_unreadable',
            message: `${dropped} span(s) without ids, name or times were left out.`,
          },
        ]
      : [];
  return { spans, notes };
}

const ID = /^[0-9a-fA-F]{1,64}$/;
const NANOS = /^\d{1,25}$/;

function readSpan(raw: unknown, service: string | undefined): OtlpSpan | undefined {
  if (!isObject(raw)) return undefined;
  const { traceId, spanId, parentSpanId, name } = raw;
  if (typeof traceId !== 'string' || !ID.test(traceId)) return undefined;
  if (typeof spanId !== 'string' || !ID.test(spanId)) return undefined;
  if (typeof name !== 'string') return undefined;
  const start = nanos(raw.startTimeUnixNano);
  const end = nanos(raw.endTimeUnixNano) ?? start;
  if (start === undefined || end === undefined) return undefined;
  return {
    traceId,
    spanId,
    ...(typeof parentSpanId === 'string' && ID.test(parentSpanId) ? { parentSpanId } : {}),
    name,
    start,
    end,
    attributes: attributesOf(raw.attributes),
    events: list(raw.events).flatMap((event) => {
      if (!isObject(event) || typeof event.name !== 'string') return [];
      return [
        {
          name: event.name,
          time: nanos(event.timeUnixNano) ?? start,
          attributes: attributesOf(event.attributes),
        },
      ];
    }),
    ...(service !== undefined ? { service } : {}),
  };
}

function nanos(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && NANOS.test(value)) return BigInt(value);
  return undefined;
}

/** `[{key, value: AnyValue}]` to a map of plain values. */
export function attributesOf(raw: unknown): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const attribute of list(raw)) {
    if (!isObject(attribute) || typeof attribute.key !== 'string') continue;
    map.set(attribute.key, anyValue(attribute.value));
  }
  return map;
}

function anyValue(value: unknown, depth = 0): unknown {
  if (!isObject(value) || depth > 8) return undefined;
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if (value.intValue !== undefined) {
    const n = Number(value.intValue);
    return Number.isFinite(n) ? n : undefined;
  }
  if (typeof value.doubleValue === 'number') return value.doubleValue;
  if (isObject(value.arrayValue)) {
    return list(value.arrayValue.values).map((v) => anyValue(v, depth + 1));
  }
  if (isObject(value.kvlistValue)) {
    const out: Record<string, unknown> = {};
    for (const kv of list(value.kvlistValue.values)) {
      if (isObject(kv) && typeof kv.key === 'string' && kv.key !== '__proto__') {
        out[kv.key] = anyValue(kv.value, depth + 1);
      }
    }
    return out;
  }
  return undefined;
}

/** A string attribute, or undefined. */
export const text = (span: { attributes: ReadonlyMap<string, unknown> }, key: string) => {
  const value = span.attributes.get(key);
  return typeof value === 'string' ? value : undefined;
};

/** A numeric attribute, or undefined. */
export const num = (span: { attributes: ReadonlyMap<string, unknown> }, key: string) => {
  const value = span.attributes.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

/** A JSON-text attribute parsed (GenAI messages and tool definitions), or undefined. */
export function jsonAttribute(
  span: { attributes: ReadonlyMap<string, unknown> },
  key: string,
): unknown {
  const value = text(span, key);
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
