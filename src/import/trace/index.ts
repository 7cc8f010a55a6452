/**
 * Importing a run recorded by a framework (docs/spec/import-trace.md): the format is detected from
 * the file's structure and the trace is handed to its importer. Every importer returns the
 * workflow it recovered (or the open one it matched), the run as our event stream, and notes.
 * Nothing in a trace is ever evaluated: it is data.
 */
import type { Workflow } from '../../model/schema';
import { importAgentsSdkTrace } from './agentsSdk';
import { detectTraceFormat } from './detect';
import { importOtlpTrace } from './otlpImport';
import { invalidTrace, readTraceJson } from './read';
import type { TraceImport } from './types';

export type { TraceImport, TraceNote, TraceNoteKind } from './types';
export { detectTraceFormat, looksLikeTrace } from './detect';
export { readTraceJson, TRACE_LIMITS } from './read';

/**
 * The run a trace file holds, as our events, with the workflow it ran.
 * @param open the workflow open in the app (or `--workflow`): the trace is matched to it.
 * @throws HandoffStudioError `invalid_trace` (not JSON, not a known format, over a limit) or
 *   `trace_not_supported`.
 */
export function importTrace(text: string, open?: Workflow): TraceImport {
  const values = readTraceJson(text);
  const format = detectTraceFormat(values);
  switch (format) {
    case 'agents-sdk':
      return importAgentsSdkTrace(values.length === 1 ? values[0] : values, open);
    case 'otlp-agent-framework':
    case 'otlp-handoff-studio':
      return importOtlpTrace(values, format, open);
    default:
      throw invalidTrace('it is neither OTLP/JSON (resourceSpans) nor an OpenAI Agents SDK trace');
  }
}
