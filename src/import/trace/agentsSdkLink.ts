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
  /** A person rejected the call: the SDK's rejection mark, or it never ran and the run went on. */
  rejected?: boolean;
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

/** An agent span's lists, indexed once (a hostile span may list 100,000 of them). */
export interface AgentLists {
  tools: ReadonlySet<string>;
  /** Handoff targets by their folded spelling (how tool names spell them). */
  targets: ReadonlyMap<string, string>;
}

/** Indexes tool names and handoff targets. */
export function indexLists(tools: Iterable<string>, handoffs: Iterable<string>): AgentLists {
  const targets = new Map<string, string>();
  for (const target of handoffs) if (!targets.has(fold(target))) targets.set(fold(target), target);
  return { tools: new Set(tools), targets };
}

const listsCache = new WeakMap<object, AgentLists>();

export function agentLists(agentSpanData: Record<string, unknown> | undefined): AgentLists {
  if (!agentSpanData) return { tools: new Set(), targets: new Map() };
  const cached = listsCache.get(agentSpanData);
  if (cached) return cached;
  const lists = indexLists(stringList(agentSpanData.tools), stringList(agentSpanData.handoffs));
  listsCache.set(agentSpanData, lists);
  return lists;
}

/** The agent a handoff tool name points at among `targets`: `handoff_to_x`, `transfer_to_x`. */
export function targetOfToolName(toolName: string, lists: AgentLists): string | undefined {
  const match = /^(?:handoff|transfer)_to_(.+)$/.exec(toolName);
  return match ? lists.targets.get(fold(match[1]!)) : undefined;
}

function classify(call: SdkToolCall, walked: WalkedSpan): LinkedCall {
  const lists = agentLists(walked.agent?.data);
  if (lists.tools.has(call.name)) return { call, kind: 'function', gated: false };
  const target = targetOfToolName(call.name, lists);
  if (target !== undefined || lists.targets.size > 0 || /^(handoff|transfer)_to_/.test(call.name)) {
    return { call, kind: 'handoff', gated: false, ...(target !== undefined ? { target } : {}) };
  }
  return { call, kind: 'function', gated: false };
}

const callKey = (agent: string, tool: unknown): string => `${agent}\u0000${String(tool)}`;

/** First-in-first-out lists by key, each shift O(1). */
class Queues<T> {
  private readonly lists = new Map<string, { items: T[]; head: number }>();
  push(key: string, item: T): void {
    const list = this.lists.get(key);
    if (list) list.items.push(item);
    else this.lists.set(key, { items: [item], head: 0 });
  }
  shift(key: string): T | undefined {
    const list = this.lists.get(key);
    if (!list || list.head >= list.items.length) return undefined;
    list.head += 1;
    return list.items[list.head - 1];
  }
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
  const key = (w: WalkedSpan) => callKey(agentNameOf(w) ?? '', w.span.data.name);
  for (let k = 0; k + 1 < tasks.length; k += 1) {
    const lastModel = tasks[k]!.findLastIndex(isModel);
    const trailing = tasks[k]!.slice(lastModel + 1).filter((w) => w.kind === 'function');
    const next = tasks[k + 1]!;
    const firstModel = next.findIndex(isModel);
    const leading = (firstModel < 0 ? next : next.slice(0, firstModel)).filter(
      (w) => w.kind === 'function',
    );
    const ran = new Map<string, number>();
    for (const w of leading) ran.set(key(w), (ran.get(key(w)) ?? 0) + 1);
    for (const w of trailing) {
      const left = ran.get(key(w)) ?? 0;
      if (left === 0) continue;
      ran.set(key(w), left - 1);
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
  // Calls waiting for their function span, by agent and tool name, first in first out.
  const openCalls = new Queues<{ linked: LinkedCall; task: string | undefined }>();
  const openHandoff = new Map<string, LinkedCall>();
  const lastModelTask = new Map<string, string | undefined>();
  const modelsPerTurn = new Map<string, number>();
  // The Python SDK writes a function span with `output: null` for a call it stops to ask
  // approval for; with content captured, a call that ran has an output string.
  const captured = walked.some(
    (w) => isModel(w) && (Array.isArray(w.span.data.input) || Array.isArray(w.span.data.output)),
  );
  const taskOrder = new Map<string | undefined, number>();
  const lastModelTaskOf = new Map<string, number>();
  const waiting: Array<{ linked: LinkedCall; agent: string; task: number }> = [];

  for (const w of walked) {
    const agent = agentNameOf(w);
    if (agent === undefined) continue;
    if (waits.has(w.span.id)) {
      claimed.add(w.span.id);
    } else if (isModel(w)) {
      const call = readModelCall(w.span.data);
      if (!taskOrder.has(w.task?.id)) taskOrder.set(w.task?.id, taskOrder.size);
      lastModelTaskOf.set(agent, taskOrder.get(w.task?.id)!);
      for (const [id, result] of call.toolResults) toolResults.set(id, result);
      const calls = call.toolCalls.map((c) => classify(c, w));
      models.set(w.span.id, { agent, call, calls });
      if (w.turn) modelsPerTurn.set(w.turn.id, (modelsPerTurn.get(w.turn.id) ?? 0) + 1);
      lastModelTask.set(agent, w.task?.id);
      for (const linked of calls) {
        if (linked.kind === 'function') {
          openCalls.push(callKey(agent, linked.call.name), { linked, task: w.task?.id });
        }
      }
      const handoff = calls.find((c) => c.kind === 'handoff');
      if (handoff) openHandoff.set(agent, handoff);
      else openHandoff.delete(agent);
    } else if (w.kind === 'function') {
      const open = openCalls.shift(callKey(agent, w.span.data.name));
      if (open && captured && w.span.data.output === null) {
        open.linked.gated = true;
        if (!taskOrder.has(w.task?.id)) taskOrder.set(w.task?.id, taskOrder.size);
        waiting.push({ linked: open.linked, agent, task: taskOrder.get(w.task?.id)! });
        claimed.add(w.span.id);
      } else if (open) {
        const { linked, task } = open;
        linked.ran = w;
        linked.rejected = w.span.error?.rejectedCallId !== undefined;
        linked.gated = task !== w.task?.id || linked.rejected;
        claimed.add(w.span.id);
      } else if (
        w.span.error?.rejectedCallId !== undefined ||
        (lastModelTask.has(agent) && lastModelTask.get(agent) !== w.task?.id)
      ) {
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
  // A call that waited and never ran while its agent went on answering was rejected.
  for (const { linked, agent, task } of waiting) {
    if (!linked.ran && (lastModelTaskOf.get(agent) ?? -1) > task) linked.rejected = true;
  }
  return { models, claimed, gatedAlone, modelsPerTurn, captured, toolResults };
}
