/**
 * Auto-layout with elkjs (layered, left-to-right or top-to-bottom). elkjs is loaded on first use
 * so that it does not weigh on the first render.
 */
import type { Point } from '../../model/edit';
import type { Workflow } from '../../model';

export type LayoutDirection = 'RIGHT' | 'DOWN';

interface Size {
  width: number;
  height: number;
}

/** New positions for every agent; edges of the document guide the layers. */
export async function layoutPositions(
  doc: Workflow,
  direction: LayoutDirection,
  sizeOf: (name: string) => Size | undefined,
): Promise<Map<string, Point>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const names = new Set(doc.agents.map((a) => a.name));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.separateConnectedComponents': 'true',
    },
    children: doc.agents.map((agent) => {
      const size = sizeOf(agent.name) ?? { width: 240, height: 120 };
      return { id: agent.name, width: size.width, height: size.height };
    }),
    edges: doc.handoffs
      .filter((e) => names.has(e.source) && names.has(e.target) && e.source !== e.target)
      .map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, Point>();
  for (const child of graph.children ?? []) {
    positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  }
  return positions;
}
