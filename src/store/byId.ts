/**
 * Document operations addressed by view id (see `./identity`) rather than by agent name or edge
 * index, for everything the designer does to one selected element. They wrap the pure
 * operations of `src/model/edit.ts`, which address agents by name, and decide what a name means
 * while two agents share it.
 *
 * The rule for duplicated names: the document refers to agents by name (handoffs, the start
 * agent, autonomous agents, turn limits, `handoff_to_` mentions), so while a name is held by two
 * agents those references cannot be attributed to one of them; the engine and the canvas resolve
 * them to the first agent with the name. Renaming or deleting one of the duplicates therefore
 * changes that agent only and leaves every reference with the name (which the other duplicate
 * still holds). Once the name is unique again, renames and deletes follow references as usual.
 */
import {
  assertAgentName,
  deleteAgents,
  deleteHandoffs,
  EditError,
  renameAgent,
  updateHandoff,
  type Point,
} from '../model/edit';
import type { Handoff, Workflow } from '../model/schema';
import type { Operation } from './designerStore';
import { edgeIndices, indexOfId, type DocIds } from './identity';

function agentAt(doc: Workflow, ids: DocIds, id: string): number {
  const index = indexOfId(ids.agents, id);
  if (index < 0 || !doc.agents[index]) {
    throw new EditError('unknown_agent', 'That agent no longer exists.');
  }
  return index;
}

function edgeAt(ids: DocIds, id: string): number {
  const index = indexOfId(ids.edges, id);
  if (index < 0) throw new EditError('unknown_handoff', 'That handoff no longer exists.');
  return index;
}

/** True when more than one agent of `doc` is called `name`. */
export function isDuplicateName(doc: Workflow, name: string): boolean {
  let n = 0;
  for (const a of doc.agents) if (a.name === name && ++n > 1) return true;
  return false;
}

/**
 * Runs `op` (a model operation that changes only the named agent's own fields, such as
 * `updateAgent` or `setAgentTool`) on the agent with `id`. Model operations act on the first
 * agent with a name; for a later duplicate, it is swapped into the first one's place for the
 * call and swapped back after.
 */
export function onAgent(
  id: string,
  op: (doc: Workflow, name: string) => Workflow,
): (doc: Workflow, ids: DocIds) => Workflow {
  return (doc, ids) => {
    const index = agentAt(doc, ids, id);
    const name = doc.agents[index]!.name;
    const first = doc.agents.findIndex((a) => a.name === name);
    if (first === index) return op(doc, name);
    const swap = (d: Workflow): Workflow => {
      const agents = d.agents.slice();
      [agents[first], agents[index]] = [agents[index]!, agents[first]!];
      return { ...d, agents };
    };
    const swapped = swap(doc);
    const result = op(swapped, name);
    return result === swapped ? doc : swap(result);
  };
}

/** Renames the agent with `id`; see the rule for duplicated names above. */
export function renameAgentById(id: string, to: string): Operation {
  return (doc, ids) => {
    const index = agentAt(doc, ids, id);
    const from = doc.agents[index]!.name;
    if (!isDuplicateName(doc, from)) return renameAgent(doc, from, to);
    if (from === to) return doc;
    assertAgentName(to);
    if (doc.agents.some((a) => a.name === to)) {
      throw new EditError('duplicate_agent_name', `An agent named "${to}" already exists.`);
    }
    const agents = doc.agents.slice();
    agents[index] = { ...agents[index]!, name: to };
    return { ...doc, agents };
  };
}

/** Moves agents by id (rounded to whole pixels); unknown ids are ignored. */
export function moveAgentsById(positions: ReadonlyMap<string, Point>): Operation {
  return (doc, ids) => {
    let changed = false;
    const agents = doc.agents.map((agent, i) => {
      const target = positions.get(ids.agents[i]!);
      if (!target) return agent;
      const position = { x: Math.round(target.x), y: Math.round(target.y) };
      if (agent.position?.x === position.x && agent.position.y === position.y) return agent;
      changed = true;
      return { ...agent, position };
    });
    return changed ? { ...doc, agents } : doc;
  };
}

/**
 * Deletes agents and handoffs by id, as one operation. An agent whose name another (kept) agent
 * also holds goes alone: the references to the name stay with the other one.
 */
export function deleteById(agentIds: Iterable<string>, edgeIds: Iterable<string>): Operation {
  return (doc, ids) => {
    const withoutEdges = deleteHandoffs(doc, edgeIndices(ids, edgeIds));
    const gone = new Set<number>();
    for (const id of agentIds) {
      const i = indexOfId(ids.agents, id);
      if (i >= 0) gone.add(i);
    }
    if (gone.size === 0) return withoutEdges;
    const kept = new Set(withoutEdges.agents.filter((_, i) => !gone.has(i)).map((a) => a.name));
    const names = new Set<string>();
    for (const i of gone) {
      const name = withoutEdges.agents[i]!.name;
      if (!kept.has(name)) names.add(name);
    }
    // Duplicates go by position; deleteAgents then removes the rest with everything naming them.
    const agents = withoutEdges.agents.filter((a, i) => !(gone.has(i) && kept.has(a.name)));
    const base =
      agents.length === withoutEdges.agents.length ? withoutEdges : { ...withoutEdges, agents };
    return deleteAgents(base, names);
  };
}

/** Changes the handoff with `id` (see `updateHandoff`). */
export function updateHandoffById(id: string, patch: Partial<Handoff>): Operation {
  return (doc, ids) => updateHandoff(doc, edgeAt(ids, id), patch);
}
