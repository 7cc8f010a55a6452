/**
 * Why a handoff drawn by hand was not made, for the status line: React Flow refuses a connection
 * that `isValidConnection` rejects without a word, so a person dragging a handoff from an agent
 * to itself (or drawing one that exists) would see the line vanish and not know why.
 */
import type { FinalConnectionState } from '@xyflow/react';
import type { Workflow } from '../../model';

/** An agent's node as the message needs it: its view id and the agent's name. */
export interface NodeRef {
  id: string;
  name: string;
}

const refOf = (node: { id: string; data?: unknown } | null | undefined): NodeRef | undefined => {
  const name = (node?.data as { name?: unknown } | undefined)?.name;
  return node && typeof name === 'string' ? { id: node.id, name } : undefined;
};

/** The message for a drag that ended without a connection, or undefined when none is due. */
export function refusedConnectionMessage(
  state: Pick<FinalConnectionState, 'isValid' | 'fromNode' | 'toNode'>,
  /** The agent under the pointer where the drag ended, if any. */
  dropped: NodeRef | undefined,
  doc: Workflow,
): string | undefined {
  const source = refOf(state.fromNode);
  if (!source || state.isValid === true) return undefined;
  const target = refOf(state.toNode) ?? dropped;
  if (target === undefined) return undefined;
  // Node ids are view ids (two agents may share a name); messages name the agents.
  if (target.id === source.id) {
    return `"${source.name}" cannot hand off to itself: draw the handoff to another agent.`;
  }
  if (doc.handoffs.some((e) => e.source === source.name && e.target === target.name)) {
    return `"${source.name}" already hands off to "${target.name}".`;
  }
  return undefined;
}

/** The agent under the point where a mouse or touch drag ended. */
export function agentAtPointer(event: MouseEvent | TouchEvent): NodeRef | undefined {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return undefined;
  const hit = document.elementFromPoint(point.clientX, point.clientY);
  const node = hit?.closest<HTMLElement>('.react-flow__node');
  const id = node?.dataset.id;
  const name = node?.querySelector<HTMLElement>('[data-agent]')?.dataset.agent;
  return id !== undefined && name !== undefined ? { id, name } : undefined;
}
