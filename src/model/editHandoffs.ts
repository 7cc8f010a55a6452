/** Pure operations on handoff edges. Edges are identified by their index in `doc.handoffs`. */
import { EditError, type EditOutcome } from './editCommon';
import type { Handoff, Workflow } from './schema';

/**
 * Adds the edge `source → target`. Refuses a self-handoff, an unknown end and an edge that already
 * exists. The first edge of a document switches the implied mesh off
 * (docs/spec/run-semantics.md#topology).
 */
export function connectHandoff(
  doc: Workflow,
  source: string,
  target: string,
  description?: string,
): EditOutcome {
  for (const end of [source, target]) {
    if (!doc.agents.some((a) => a.name === end)) {
      throw new EditError('unknown_agent', `There is no agent named "${end}".`);
    }
  }
  if (source === target) {
    throw new EditError('self_handoff', `"${source}" cannot hand off to itself.`);
  }
  if (doc.handoffs.some((e) => e.source === source && e.target === target)) {
    throw new EditError('duplicate_handoff', `"${source}" already hands off to "${target}".`);
  }
  const edge: Handoff = { source, target };
  if (description !== undefined && description.trim() !== '') edge.description = description;
  return { doc: { ...doc, handoffs: [...doc.handoffs, edge] }, edges: [doc.handoffs.length] };
}

/**
 * Changes one edge. An empty or `undefined` description removes it (the fallback chain applies).
 * Changing an end refuses a self-handoff or a duplicate, like `connectHandoff`.
 */
export function updateHandoff(doc: Workflow, index: number, patch: Partial<Handoff>): Workflow {
  const edge = doc.handoffs[index];
  if (!edge) throw new EditError('unknown_handoff', `There is no handoff number ${index}.`);
  const next: Handoff = {
    source: patch.source ?? edge.source,
    target: patch.target ?? edge.target,
  };
  const description = 'description' in patch ? patch.description : edge.description;
  if (description !== undefined && description !== '') next.description = description;
  if (next.source !== edge.source || next.target !== edge.target) {
    if (next.source === next.target) {
      throw new EditError('self_handoff', `"${next.source}" cannot hand off to itself.`);
    }
    const clash = doc.handoffs.some(
      (e, i) => i !== index && e.source === next.source && e.target === next.target,
    );
    if (clash) {
      throw new EditError(
        'duplicate_handoff',
        `"${next.source}" already hands off to "${next.target}".`,
      );
    }
  }
  if (
    next.source === edge.source &&
    next.target === edge.target &&
    next.description === edge.description
  ) {
    return doc;
  }
  const handoffs = doc.handoffs.slice();
  handoffs[index] = next;
  return { ...doc, handoffs };
}

/** Deletes edges by index; unknown indices are ignored. */
export function deleteHandoffs(doc: Workflow, indices: Iterable<number>): Workflow {
  const gone = new Set(indices);
  const handoffs = doc.handoffs.filter((_, i) => !gone.has(i));
  return handoffs.length === doc.handoffs.length ? doc : { ...doc, handoffs };
}
