/**
 * Helpers for engine tests: documents from short literals, scripted runs driven to their end with
 * queued answers, and compact one-line renderings of events for sequence assertions.
 */
import { parseWorkflow, type Workflow } from '../../src/model';
import {
  MemoryCheckpointStore,
  startRun,
  resumeRun,
  type CheckpointStore,
  type InputAnswer,
  type ModelProvider,
  type RunEvent,
  type RunHandle,
  type RunOutcome,
  type Script,
} from '../../src/engine';
import { createScriptProvider } from '../../src/providers/script';

type AgentInput = { name: string } & Record<string, unknown>;

/** A valid document from the parts a test cares about (instructions filled in). */
export function makeDoc(parts: {
  name?: string;
  agents: Array<string | AgentInput>;
  startAgent?: string;
  handoffs?: Array<[string, string] | { source: string; target: string; description?: string }>;
  tools?: unknown[];
  interaction?: Record<string, unknown>;
  termination?: Record<string, unknown>;
  defaults?: Record<string, unknown>;
}): Workflow {
  const agents = parts.agents.map((a) =>
    typeof a === 'string'
      ? { name: a, description: `The ${a} agent.`, instructions: `You are ${a}.` }
      : { description: `The ${a.name} agent.`, instructions: `You are ${a.name}.`, ...a },
  );
  const raw = {
    format: 'handoff-workflow',
    version: 1,
    name: parts.name ?? 'test',
    startAgent: parts.startAgent ?? agents[0]!.name,
    agents,
    handoffs: (parts.handoffs ?? []).map((h) =>
      Array.isArray(h) ? { source: h[0], target: h[1] } : h,
    ),
    tools: parts.tools ?? [],
    ...(parts.interaction ? { interaction: parts.interaction } : {}),
    ...(parts.termination ? { termination: parts.termination } : {}),
    ...(parts.defaults ? { defaults: parts.defaults } : {}),
  };
  const parsed = parseWorkflow(raw);
  if (!parsed.ok) throw new Error(`${raw.name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.doc;
}

export interface Drive {
  /** Answers for input requests, in order; none left → the invocation is suspended. */
  inputs?: InputAnswer[];
  /** Answers for approval requests, in order; none left → suspended. */
  decisions?: boolean[];
}

export interface Driven {
  events: RunEvent[];
  outcome: RunOutcome;
  handle: RunHandle;
  /** Inputs and decisions not used. */
  left: { inputs: InputAnswer[]; decisions: boolean[] };
}

/** Consumes a handle's events, answering requests from the queues, until the invocation ends. */
export async function drive(handle: RunHandle, answers: Drive = {}): Promise<Driven> {
  const inputs = [...(answers.inputs ?? [])];
  const decisions = [...(answers.decisions ?? [])];
  const events: RunEvent[] = [];
  for await (const event of handle) {
    events.push(event);
    if (event.type === 'input_requested') {
      const next = inputs.shift();
      if (next === undefined) handle.suspend();
      else handle.answerInput(event.requestId, next);
    } else if (event.type === 'approval_requested') {
      const next = decisions.shift();
      if (next === undefined) handle.suspend();
      else handle.answerApproval(event.requestId, next);
    }
  }
  return { events, outcome: await handle.done, handle, left: { inputs, decisions } };
}

export interface ScriptedRun extends Drive {
  doc: Workflow;
  script?: Script;
  provider?: ModelProvider;
  input?: string;
  store?: CheckpointStore;
  runId?: string;
}

/** Starts a run with a script provider (or the given provider) and drives it. */
export async function runScripted(
  options: ScriptedRun,
): Promise<Driven & { store: CheckpointStore }> {
  const store = options.store ?? new MemoryCheckpointStore();
  const handle = startRun({
    document: options.doc,
    provider: options.provider ?? createScriptProvider(options.script ?? {}),
    input: options.input ?? 'Hello',
    store,
    runId: options.runId ?? 'run-1',
    now: () => '2025-01-01T00:00:00.000Z',
    clock: () => 0,
  });
  return { ...(await drive(handle, options)), store };
}

/** Resumes a run with a script provider and drives it. */
export async function resumeScripted(
  options: ScriptedRun & {
    runId: string;
    store: CheckpointStore;
    checkpointId?: string;
    fork?: boolean;
  },
): Promise<Driven> {
  const handle = await resumeRun({
    runId: options.runId,
    store: options.store,
    document: options.doc,
    provider: options.provider ?? createScriptProvider(options.script ?? {}),
    ...(options.checkpointId !== undefined ? { checkpointId: options.checkpointId } : {}),
    ...(options.fork !== undefined ? { fork: options.fork, forkRunId: 'run-fork' } : {}),
    now: () => '2025-01-01T00:00:00.000Z',
    clock: () => 0,
  });
  return drive(handle, options);
}

/** One line per event, without `seq` and `text_delta`s: what a sequence assertion compares. */
export function outline(events: readonly RunEvent[], options: { deltas?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'run_started':
        lines.push('run_started');
        break;
      case 'run_resumed':
        lines.push(`run_resumed ${e.checkpointId}`);
        break;
      case 'agent_started':
        lines.push(`agent_started ${e.agent}`);
        break;
      case 'text_delta':
        if (options.deltas) lines.push(`text_delta ${e.agent} ${JSON.stringify(e.delta)}`);
        break;
      case 'message':
        lines.push(`message ${e.agent}: ${e.text}`);
        break;
      case 'tool_call':
        lines.push(
          `tool_call ${e.agent} ${e.name} ${typeof e.arguments === 'string' ? e.arguments : JSON.stringify(e.arguments)}`,
        );
        break;
      case 'tool_result':
        lines.push(`tool_result ${e.agent} ${e.name}${e.isError ? ' (error)' : ''}: ${e.result}`);
        break;
      case 'handoff':
        lines.push(`handoff ${e.from} -> ${e.to}`);
        break;
      case 'input_requested':
        lines.push(`input_requested ${e.requestId} ${e.agent}`);
        break;
      case 'user_message':
        lines.push(`user_message: ${e.text}`);
        break;
      case 'approval_requested':
        lines.push(`approval_requested ${e.requestId} ${e.agent} ${e.name}`);
        break;
      case 'approval_resolved':
        lines.push(`approval_resolved ${e.requestId} ${e.approved ? 'approved' : 'rejected'}`);
        break;
      case 'checkpoint_saved':
        lines.push('checkpoint_saved');
        break;
      case 'completed':
        lines.push(`completed ${e.reason}`);
        break;
      case 'warning':
        lines.push(`warning ${e.code}`);
        break;
      case 'failed':
        lines.push(`failed ${e.error.code}`);
        break;
      case 'stopped':
        lines.push('stopped');
        break;
      case 'usage':
        lines.push(`usage ${e.agent} ${e.estimated ? '~' : ''}${e.totalTokens}`);
        break;
    }
  }
  return lines;
}

/** The seqs of `events` are consecutive, starting at `from`. */
export function seqsOf(events: readonly RunEvent[]): number[] {
  return events.map((e) => e.seq);
}

export const range = (from: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => from + i);
