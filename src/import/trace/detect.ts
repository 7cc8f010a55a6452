/**
 * Which trace format a file holds, from its structure only (docs/spec/import-trace.md#formats).
 */
import { readTraceJson } from './read';
import type { TraceImport } from './types';

/** The service name our OTLP export writes on its resource (docs/spec/export-otlp.md). */
export const HANDOFF_STUDIO_SERVICE = 'handoff-studio';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** OTLP/JSON: an `ExportTraceServiceRequest` (an object with a `resourceSpans` array). */
const isOtlp = (value: unknown): value is { resourceSpans: unknown[] } =>
  isObject(value) && Array.isArray(value.resourceSpans);

/**
 * An OpenAI Agents SDK trace as a custom trace processor writes it: spans with `span_data`, the
 * SDK exporter's `{ data: [...] }`, an object holding `traces` / `spans`, or one trace object.
 */
function isAgentsSdk(values: unknown[]): boolean {
  const value = values.length === 1 ? values[0] : values;
  const hasSpanData = (item: unknown): boolean => isObject(item) && 'span_data' in item;
  if (Array.isArray(value)) return value.some(hasSpanData) || value.some(isTraceObject);
  if (!isObject(value)) return false;
  return (
    (Array.isArray(value.data) && value.data.some((i) => hasSpanData(i) || isTraceObject(i))) ||
    Array.isArray(value.spans) ||
    Array.isArray(value.traces) ||
    isTraceObject(value) ||
    hasSpanData(value)
  );
}

const isTraceObject = (value: unknown): boolean =>
  isObject(value) && (value.object === 'trace' || value.object === 'trace.span');

/** The format of the file's JSON values, or undefined when it is none this version reads. */
export function detectTraceFormat(values: unknown[]): TraceImport['format'] | undefined {
  if (values.length > 0 && values.every(isOtlp)) {
    const ours = values.some((value) =>
      (value as { resourceSpans: unknown[] }).resourceSpans.some(
        (rs) => serviceNameOf(rs) === HANDOFF_STUDIO_SERVICE,
      ),
    );
    return ours ? 'otlp-handoff-studio' : 'otlp-agent-framework';
  }
  if (isAgentsSdk(values)) return 'agents-sdk';
  return undefined;
}

function serviceNameOf(resourceSpans: unknown): string | undefined {
  if (!isObject(resourceSpans) || !isObject(resourceSpans.resource)) return undefined;
  const attributes = resourceSpans.resource.attributes;
  if (!Array.isArray(attributes)) return undefined;
  for (const attribute of attributes) {
    if (isObject(attribute) && attribute.key === 'service.name' && isObject(attribute.value)) {
      const value = attribute.value.stringValue;
      return typeof value === 'string' ? value : undefined;
    }
  }
  return undefined;
}

/** Whether a file's text is a trace of a format this version knows (a dropped file's route). */
export function looksLikeTrace(text: string): boolean {
  try {
    return detectTraceFormat(readTraceJson(text)) !== undefined;
  } catch {
    return false;
  }
}
