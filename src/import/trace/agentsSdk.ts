/**
 * Imports a trace of the OpenAI Agents SDK (docs/spec/import-trace.md#openai-agents-sdk): what a
 * trace processor writes from the SDK's trace and span objects, in JS or Python. Out come the
 * run as our event stream, the workflow (the open one, matched; else the one the trace shows)
 * and notes with stable codes: what was recognised, what the trace lacks, what the open workflow
 * does not allow, what was left out. Nothing in the file is evaluated.
 */
import { buildTopology, type Workflow } from '../../model';
import { buildEvents } from './agentsSdkEvents';
import { graphFromTrace } from './agentsSdkGraph';
import { linkSpans } from './agentsSdkLink';
import { AgentNames } from './agentsSdkNames';
import { invalidTrace, NoteLog } from './agentsSdkNotes';
import { readItems, readTrace } from './agentsSdkRead';
import { walkSpans } from './agentsSdkTree';
import { flagToolCalls } from './agentsSdkMatch';
import type { TraceImport } from './types';

export { AGENTS_SDK_LIMITS } from './agentsSdkRead';

/**
 * `json`: the decoded file, or its text (JSON, or NDJSON: one object a line). `open`: the
 * workflow to match the trace to.
 * @throws HandoffStudioError `invalid_trace`, saying what is wrong (not a trace, too large,
 *   no usable span, a graph that cannot be a workflow).
 */
export function importAgentsSdkTrace(json: unknown, open?: Workflow): TraceImport {
  const notes = new NoteLog();
  const trace = readTrace(readItems(json, notes), notes);
  const walked = walkSpans(trace.spans, notes);
  if (walked.length === 0) {
    throw invalidTrace('it holds no span of an Agents SDK trace');
  }
  const links = linkSpans(walked);
  const names = new AgentNames(notes, open);
  const workflow = open ?? graphFromTrace(walked, links, names, trace.workflowName, notes);
  const topology = open ? buildTopology(open) : undefined;
  const events = buildEvents(walked, links, {
    runId: trace.traceId ?? 'agents-sdk-trace',
    name: (traceName) => names.of(traceName),
    allowed: (from, to) => !topology || topology.targetsOf(from).includes(to),
    notes,
  });
  if (open) flagToolCalls(events, open, notes);
  if (!links.captured) {
    notes.add(
      'missing',
      'content_not_captured',
      'The trace was recorded without content (traceIncludeSensitiveData off): no messages, ' +
        'and tool calls show the empty arguments and results the SDK wrote.',
    );
  }
  const agents = new Set(names.entries().map(([, name]) => name)).size;
  const summary = {
    kind: 'recognised' as const,
    code: 'agents_sdk_trace',
    message:
      `An OpenAI Agents SDK trace: ${walked.length} spans, ${agents} agents, content ` +
      `${links.captured ? 'captured' : 'not captured'}.`,
  };
  return { format: 'agents-sdk', workflow, events, notes: [summary, ...notes.list()] };
}
