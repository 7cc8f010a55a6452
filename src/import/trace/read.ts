/**
 * Reading a trace file's text as JSON, with the limits every import keeps: size and nesting are
 * checked before `JSON.parse`, so a hostile file is refused in linear time. A file may be one JSON
 * value or JSON lines (one OTLP request per line, as OpenTelemetry's file exporters write).
 */
import { HandoffStudioError } from '../../engine/errors';
import { scanDepth, stripByteOrderMark } from '../../model';

export const TRACE_LIMITS = {
  /** Largest trace text accepted (UTF-16 code units). */
  maxChars: 50 * 1024 * 1024,
  /** Deepest nesting of arrays and objects. */
  maxDepth: 64,
  /** Most spans in one trace. */
  maxSpans: 100_000,
} as const;

/** The file's JSON values: one for a JSON file, one per line for JSON lines. */
export function readTraceJson(text: string): unknown[] {
  const body = stripByteOrderMark(text);
  if (body.length > TRACE_LIMITS.maxChars) {
    throw invalidTrace(
      `it is too large (${body.length} characters; at most ${TRACE_LIMITS.maxChars})`,
    );
  }
  const depth = scanDepth(body);
  if (depth > TRACE_LIMITS.maxDepth) {
    throw invalidTrace(
      `it is nested too deeply (${depth} levels; at most ${TRACE_LIMITS.maxDepth})`,
    );
  }
  if (body.trim() === '') throw invalidTrace('it is empty');
  try {
    return [JSON.parse(body) as unknown];
  } catch (whole) {
    const lines = body.split('\n').filter((line) => line.trim() !== '');
    if (lines.length < 2) throw invalidTrace(`it is not JSON (${messageOf(whole)})`);
    return lines.map((line, index) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw invalidTrace(`line ${index + 1} is not JSON (${messageOf(error)})`);
      }
    });
  }
}

/** The coded error of a file that cannot be read as a trace. */
export function invalidTrace(why: string): HandoffStudioError {
  return new HandoffStudioError(
    'invalid_trace',
    `This is not a trace Handoff Studio can open: ${why}.`,
  );
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
