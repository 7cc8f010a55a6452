/**
 * Why a handoff drawn by hand was not made, for the status line: React Flow refuses a connection
 * that `isValidConnection` rejects without a word, so a person dragging a handoff from an agent
 * to itself (or drawing one that exists) would see the line vanish and not know why.
 */
import type { FinalConnectionState } from '@xyflow/react';
import type { Workflow } from '../../model';

/** The message for a drag that ended without a connection, or undefined when none is due. */
export function refusedConnectionMessage(
  state: Pick<FinalConnectionState, 'isValid' | 'fromNode' | 'toNode'>,
  /** The agent under the pointer where the drag ended (the node's id), if any. */
  dropped: string | undefined,
  doc: Workflow,
): string | undefined {
  const source = state.fromNode?.id;
  if (!source || state.isValid === true) return undefined;
  const target = state.toNode?.id ?? dropped;
  if (target === undefined) return undefined;
  if (target === source) {
    return `"${source}" cannot hand off to itself: draw the handoff to another agent.`;
  }
  if (doc.handoffs.some((e) => e.source === source && e.target === target)) {
    return `"${source}" already hands off to "${target}".`;
  }
  return undefined;
}

/** The agent (node id) under the point where a mouse or touch drag ended. */
export function agentAtPointer(event: MouseEvent | TouchEvent): string | undefined {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return undefined;
  const hit = document.elementFromPoint(point.clientX, point.clientY);
  return hit?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? undefined;
}
