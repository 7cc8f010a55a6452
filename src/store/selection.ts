/** What is selected on the canvas and in the inspector. Never part of the undo history. */
import type { Workflow } from '../model/schema';

export interface Selection {
  /** Selected agents, by name. */
  readonly agents: readonly string[];
  /** Selected handoff edges, by index in `doc.handoffs`. */
  readonly edges: readonly number[];
  /** The tool open in the inspector (tools are not drawn on the canvas). */
  readonly tool?: string;
}

export const EMPTY_SELECTION: Selection = Object.freeze({
  agents: Object.freeze([]) as readonly string[],
  edges: Object.freeze([]) as readonly number[],
});

/** Drops what no longer exists in `doc`; returns the same object when nothing was dropped. */
export function sanitizeSelection(selection: Selection, doc: Workflow): Selection {
  if (selection.agents.length === 0 && selection.edges.length === 0 && !selection.tool) {
    return selection;
  }
  const names = new Set(doc.agents.map((a) => a.name));
  const agents = selection.agents.filter((n) => names.has(n));
  const edges = selection.edges.filter((i) => i >= 0 && i < doc.handoffs.length);
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
