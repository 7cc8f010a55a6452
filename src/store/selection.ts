/** What is selected on the canvas and in the inspector. Never part of the undo history. */
import type { Workflow } from '../model/schema';
import { indexOfId, type DocIds } from './identity';

export interface Selection {
  /** Selected agents, by view id (see `./identity`): two agents may share a name. */
  readonly agents: readonly string[];
  /** Selected handoff edges, by view id: an index moves when an earlier edge is deleted. */
  readonly edges: readonly string[];
  /** The tool open in the inspector (tools are not drawn on the canvas). */
  readonly tool?: string;
}

export const EMPTY_SELECTION: Selection = Object.freeze({
  agents: Object.freeze([]) as readonly string[],
  edges: Object.freeze([]) as readonly string[],
});

/** Drops what no longer exists; returns the same object when nothing was dropped. */
export function sanitizeSelection(selection: Selection, doc: Workflow, ids: DocIds): Selection {
  if (selection.agents.length === 0 && selection.edges.length === 0 && !selection.tool) {
    return selection;
  }
  const agents = unique(selection.agents.filter((id) => indexOfId(ids.agents, id) >= 0));
  const edges = unique(selection.edges.filter((id) => indexOfId(ids.edges, id) >= 0));
  const tool =
    selection.tool !== undefined && doc.tools.some((t) => t.name === selection.tool)
      ? selection.tool
      : undefined;
  if (
    agents.length === selection.agents.length &&
    edges.length === selection.edges.length &&
    tool === selection.tool
  ) {
    return selection;
  }
  if (agents.length === 0 && edges.length === 0 && tool === undefined) return EMPTY_SELECTION;
  return tool === undefined ? { agents, edges } : { agents, edges, tool };
}

const unique = (list: string[]) => (new Set(list).size === list.length ? list : [...new Set(list)]);

/** True when both selections hold the same agents, edges and tool (order ignored). */
export function sameSelection(a: Selection, b: Selection): boolean {
  if (a === b) return true;
  if (
    a.tool !== b.tool ||
    a.agents.length !== b.agents.length ||
    a.edges.length !== b.edges.length
  ) {
    return false;
  }
  const agents = new Set(a.agents);
  const edges = new Set(a.edges);
  return b.agents.every((n) => agents.has(n)) && b.edges.every((i) => edges.has(i));
}
