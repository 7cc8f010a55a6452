/**
 * An agent's node on the canvas, found through React Flow by the agent's name (whatever the
 * node's id is), with its box in flow coordinates.
 */
import type { ReactFlowInstance } from '@xyflow/react';

/** What a node measures before React Flow has measured it. */
const UNMEASURED = { width: 240, height: 110 };

export interface AgentNodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function agentNodeBox(flow: ReactFlowInstance, name: string): AgentNodeBox | undefined {
  const node = flow.getNodes().find((n) => (n.data as { name?: unknown }).name === name);
  if (!node) return undefined;
  const at = flow.getInternalNode(node.id)?.internals.positionAbsolute ?? node.position;
  return {
    id: node.id,
    x: at.x,
    y: at.y,
    width: node.measured?.width ?? UNMEASURED.width,
    height: node.measured?.height ?? UNMEASURED.height,
  };
}

/** Moves keyboard focus to an agent's node (once it is drawn). */
export function focusAgentNode(id: string): void {
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  el?.focus({ preventScroll: true });
}
