/**
 * The view's identity of agents and handoffs. The document names agents (its public contract)
 * and lists handoffs in an array, so neither a name nor an index can tell two elements apart
 * for long: two agents may share a name (typed in the JSON view, imported), and an index moves
 * when an earlier handoff is deleted. The store therefore keeps opaque ids parallel to
 * `doc.agents` and `doc.handoffs`; they are never written to the document and never persisted.
 * Selection, canvas nodes and edges, and in-place editing hold these ids.
 *
 * After each change the ids are carried over by `reconcileIds` (an undo or redo restores the
 * ids recorded with the step instead). Pure; no React, no zustand.
 */
import type { Agent, Handoff, Workflow } from '../model/schema';

/** Ids parallel to `doc.agents` and `doc.handoffs` (same length, same order). */
export interface DocIds {
  readonly agents: readonly string[];
  readonly edges: readonly string[];
}

let counter = 0;
/** A new id, unique in this page (a counter: ids are opaque and never leave the page). */
export const newAgentId = (): string => `agent-${++counter}`;
export const newEdgeId = (): string => `handoff-${++counter}`;

/** New ids for every agent and handoff of `doc` (a document just loaded). */
export function freshIds(doc: Workflow): DocIds {
  return { agents: doc.agents.map(newAgentId), edges: doc.handoffs.map(newEdgeId) };
}

/** True when `ids` are parallel to `doc`. */
export function idsFit(ids: DocIds, doc: Workflow): boolean {
  return ids.agents.length === doc.agents.length && ids.edges.length === doc.handoffs.length;
}

const indexCache = new WeakMap<readonly string[], Map<string, number>>();

/** Position of `id` in a list of ids, -1 when absent (a cached map: O(1) after the first call). */
export function indexOfId(list: readonly string[], id: string): number {
  let map = indexCache.get(list);
  if (!map) {
    map = new Map(list.map((x, i) => [x, i]));
    indexCache.set(list, map);
  }
  return map.get(id) ?? -1;
}

/**
 * The id of the agent called `name`. With duplicated names, the first such agent: it is the one
 * the engine and the edges resolve a name to, so edges and problems attach to it.
 */
export function agentIdOf(doc: Workflow, ids: DocIds, name: string): string | undefined {
  const i = doc.agents.findIndex((a) => a.name === name);
  return i < 0 ? undefined : ids.agents[i];
}

/** The names of the agents with these ids (unknown ids are skipped). */
export function agentNames(doc: Workflow, ids: DocIds, agentIds: Iterable<string>): string[] {
  const names: string[] = [];
  for (const id of agentIds) {
    const agent = doc.agents[indexOfId(ids.agents, id)];
    if (agent) names.push(agent.name);
  }
  return names;
}

/** Indices in `doc.handoffs` of these edge ids (unknown ids are skipped). */
export function edgeIndices(ids: DocIds, edgeIds: Iterable<string>): number[] {
  const out: number[] = [];
  for (const id of edgeIds) {
    const i = indexOfId(ids.edges, id);
    if (i >= 0) out.push(i);
  }
  return out;
}

/**
 * Ids for `after`, carried over from `before` with its ids. Each new element takes, in this
 * order, the id of an unclaimed old element that is (1) the same object (operations share what
 * they do not change), (2) equal in content (the JSON view parses a fresh document), (3) the
 * same name, or the same ends for a handoff (an edited one), (4) at the same position (a
 * renamed agent); else a new id. Each old id is claimed once, so two elements never share one.
 */
export function reconcileIds(before: Workflow, ids: DocIds, after: Workflow): DocIds {
  const agents =
    after.agents === before.agents
      ? ids.agents
      : carry(before.agents, ids.agents, after.agents, agentContent, (a) => a.name, newAgentId);
  const edges =
    after.handoffs === before.handoffs
      ? ids.edges
      : carry(before.handoffs, ids.edges, after.handoffs, edgeContent, edgeEnds, newEdgeId);
  return agents === ids.agents && edges === ids.edges ? ids : { agents, edges };
}

const agentContent = (a: Agent) => JSON.stringify(a);
const edgeContent = (e: Handoff) => JSON.stringify([e.source, e.target, e.description ?? '']);
const edgeEnds = (e: Handoff) => `${e.source}\n${e.target}`;

function carry<T>(
  old: readonly T[],
  oldIds: readonly string[],
  next: readonly T[],
  content: (x: T) => string,
  key: (x: T) => string,
  fresh: () => string,
): readonly string[] {
  const out = new Array<string | undefined>(next.length).fill(undefined);
  const claimed = new Uint8Array(old.length);
  // Queues of unclaimed old indices per lookup key, in document order.
  const queue = <K>(keyOf: (x: T) => K) => {
    const map = new Map<K, number[]>();
    old.forEach((x, i) => {
      if (claimed[i]) return;
      const k = keyOf(x);
      const list = map.get(k);
      if (list) list.push(i);
      else map.set(k, [i]);
    });
    return map;
  };
  const pass = <K>(keyOf: (x: T) => K) => {
    let open = false;
    for (let j = 0; j < next.length; j++) open ||= out[j] === undefined;
    if (!open) return;
    const map = queue(keyOf);
    next.forEach((x, j) => {
      if (out[j] !== undefined) return;
      const list = map.get(keyOf(x));
      while (list && list.length > 0) {
        const i = list.shift()!;
        if (claimed[i]) continue;
        claimed[i] = 1;
        out[j] = oldIds[i];
        return;
      }
    });
  };
  pass((x) => x);
  pass(content);
  pass(key);
  next.forEach((_, j) => {
    if (out[j] === undefined && j < old.length && !claimed[j]) {
      claimed[j] = 1;
      out[j] = oldIds[j];
    }
  });
  let same = next.length === oldIds.length;
  const result = out.map((id, j) => {
    const value = id ?? fresh();
    if (value !== oldIds[j]) same = false;
    return value;
  });
  return same ? oldIds : result;
}

/**
 * What an operation created, as ids. Outcomes name created agents; with a name held twice, the
 * agent that got a new id is the created one.
 */
export function createdSelection(
  outcome: { agents?: readonly string[]; edges?: readonly number[] },
  doc: Workflow,
  before: DocIds,
  ids: DocIds,
): { agents: string[]; edges: string[] } {
  const old = new Set(before.agents);
  const agents: string[] = [];
  for (const name of outcome.agents ?? []) {
    let pick: string | undefined;
    doc.agents.forEach((a, i) => {
      if (a.name !== name) return;
      const id = ids.agents[i]!;
      if (pick === undefined || (old.has(pick) && !old.has(id))) pick = id;
    });
    if (pick !== undefined) agents.push(pick);
  }
  const edges = (outcome.edges ?? []).flatMap((i) => (ids.edges[i] ? [ids.edges[i]] : []));
  return { agents, edges };
}
