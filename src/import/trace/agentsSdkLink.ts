/**
 * Ties the spans of an Agents SDK trace together: each tool call a model span's output shows
 * (content captured) to the function span that ran it or the handoff span that followed it. A
 * function span that ran in a later task span than the call (the run paused and was resumed
 * from its `RunState`) is a call that waited for approval: the SDK pauses a run only for its
 * interruptions. Spans no call claims (content not captured) stand on their own.
 */
import { readModelCall, type ModelCall, type SdkToolCall } from './agentsSdkContent';
import { isRecord } from './agentsSdkRead';
import type { WalkedSpan } from './agentsSdkTree';

export interface LinkedCall {
  call: SdkToolCall;
  kind: 'function' | 'handoff';
  /** The function span that ran it. */
  ran?: WalkedSpan;
  /** For a handoff: the trace name of the agent it handed off to, when known. */
  target?: string;
  /** For a handoff: the handoff span that followed it. */
  hop?: WalkedSpan;
  /** The run paused between the call and its function span. */
  gated: boolean;
}

export interface LinkedModelSpan {
  agent: string;
  call: ModelCall;
  calls: LinkedCall[];
}

export interface Links {
  /** Model spans by span id (those with an agent). */
  models: Map<string, LinkedModelSpan>;
  /** Function and handoff spans a call claimed (emitted with the call). */
  claimed: Set<string>;
  /** Function spans no call claimed that ran after a pause. */
  gatedAlone: Set<string>;
  /** Model spans per turn span id (a turn's usage is one call's when it made one). */
  modelsPerTurn: Map<string, number>;
  /** True when some model span holds its input or output. */
  captured: boolean;
  /** Tool results carried by later inputs, by call id (a handoff's result among them). */
  toolResults: Map<string, string>;
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The trace name of the agent a span belongs to: its agent span's, else its turn span's. */
export function agentNameOf(walked: WalkedSpan): string | undefined {
  const name = walked.agent?.data.name;
  if (typeof name === 'string' && name !== '') return name;
  const turnData = walked.turn?.data.data;
  const turnAgent = isRecord(turnData) ? turnData.agent_name : undefined;
  return typeof turnAgent === 'string' && turnAgent !== '' ? turnAgent : undefined;
}

const fold = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/** The agent a handoff tool name points at among `targets`: `handoff_to_x`, `transfer_to_x`. */
export function targetOfToolName(toolName: string, targets: readonly string[]): string | undefined {
  const match = /^(?:handoff|transfer)_to_(.+)$/.exec(toolName);
  if (!match) return undefined;
  const wanted = fold(match[1]!);
  return targets.find((t) => fold(t) === wanted);
}

function classify(call: SdkToolCall, walked: WalkedSpan): LinkedCall {
  const tools = stringList(walked.agent?.data.tools);
  const handoffs = stringList(walked.agent?.data.handoffs);
  if (tools.includes(call.name)) return { call, kind: 'function', gated: false };
  const target = targetOfToolName(call.name, handoffs);
  if (target !== undefined || handoffs.length > 0 || /^(handoff|transfer)_to_/.test(call.name)) {
    return { call, kind: 'handoff', gated: false, ...(target !== undefined ? { target } : {}) };
  }
  return { call, kind: 'function', gated: false };
}

const isModel = (w: WalkedSpan): boolean => w.kind === 'generation' || w.kind === 'response';

/**
 * Function spans the Python SDK writes for a call it stops to ask approval for (no output): the
 * last function spans of a task span whose agent's next task begins by running the same tools.
 * The calls ran in the next task; these spans are not calls of their own.
 */
function approvalWaits(walked: readonly WalkedSpan[]): Set<string> {
  const tasks: WalkedSpan[][] = [];
  let current: string | undefined;
  for (const w of walked) {
    if (!w.task) continue;
    if (w.task.id !== current) {
      tasks.push([]);
      current = w.task.id;
    }
    tasks.at(-1)!.push(w);
  }
  const waits = new Set<string>();
  const key = (w: WalkedSpan) => `${agentNameOf(w) ?? ''}\u0000${String(w.span.data.name)}`;
  for (let k = 0; k + 1 < tasks.length; k += 1) {
    const lastModel = tasks[k]!.findLastIndex(isModel);
    const trailing = tasks[k]!.slice(lastModel + 1).filter((w) => w.kind === 'function');
    const next = tasks[k + 1]!;
    const firstModel = next.findIndex(isModel);
    const leading = (firstModel < 0 ? next : next.slice(0, firstModel)).filter(
      (w) => w.kind === 'function',
    );
    const ran = leading.map(key);
    for (const w of trailing) {
      const at = ran.indexOf(key(w));
      if (at < 0) continue;
      ran.splice(at, 1);
      waits.add(w.span.id);
    }
  }
  return waits;
}

export function linkSpans(walked: readonly WalkedSpan[]): Links {
  const waits = approvalWaits(walked);
  const models = new Map<string, LinkedModelSpan>();
  const claimed = new Set<string>();
  const gatedAlone = new Set<string>();
  const toolResults = new Map<string, string>();
  const openCalls = new Map<string, Array<{ linked: LinkedCall; task: string | undefined }>>();
  const openHandoff = new Map<string, LinkedCall>();
  const lastModelTask = new Map<string, string | undefined>();
  const modelsPerTurn = new Map<string, number>();
  let captured = false;

  for (const w of walked) {
    const agent = agentNameOf(w);
    if (agent === undefined) continue;
    if (waits.has(w.span.id)) {
      claimed.add(w.span.id);
    } else if (isModel(w)) {
      const call = readModelCall(w.span.data);
      captured ||= call.captured;
      for (const [id, result] of call.toolResults) toolResults.set(id, result);
      const calls = call.toolCalls.map((c) => classify(c, w));
      models.set(w.span.id, { agent, call, calls });
      if (w.turn) modelsPerTurn.set(w.turn.id, (modelsPerTurn.get(w.turn.id) ?? 0) + 1);
      lastModelTask.set(agent, w.task?.id);
      const open = calls
        .filter((c) => c.kind === 'function')
        .map((linked) => ({ linked, task: w.task?.id }));
      openCalls.set(agent, [...(openCalls.get(agent) ?? []), ...open]);
      const handoff = calls.find((c) => c.kind === 'handoff');
      if (handoff) openHandoff.set(agent, handoff);
      else openHandoff.delete(agent);
    } else if (w.kind === 'function') {
      const list = openCalls.get(agent) ?? [];
      const at = list.findIndex((o) => o.linked.call.name === w.span.data.name);
      if (at >= 0) {
        const { linked, task } = list[at]!;
        list.splice(at, 1);
        linked.ran = w;
        linked.gated = task !== w.task?.id;
        claimed.add(w.span.id);
      } else if (lastModelTask.has(agent) && lastModelTask.get(agent) !== w.task?.id) {
        gatedAlone.add(w.span.id);
      }
    } else if (w.kind === 'handoff') {
      const from = w.span.data.from_agent;
      const to = w.span.data.to_agent;
      const linked = typeof from === 'string' ? openHandoff.get(from) : undefined;
      if (linked && typeof to === 'string') {
        linked.target = to;
        linked.hop = w;
        openHandoff.delete(from as string);
        claimed.add(w.span.id);
      }
    }
  }
  return { models, claimed, gatedAlone, modelsPerTurn, captured, toolResults };
}
