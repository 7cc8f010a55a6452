/**
 * Auto-layout with elkjs (layered, left to right or top to bottom). elkjs is loaded on first use
 * so that it does not weigh on the first render.
 *
 * ELK is given what the canvas draws: every node with its measured size, its handles as fixed
 * ports (in on the left, out on the right), and every handoff with its label's size. It then
 * makes room for the labels between the layers, breaks cycles (a hand-back to an agent further
 * left becomes a feedback edge routed round the nodes) and routes every edge orthogonally. The
 * routes and label places are returned beside the positions: the document keeps positions only,
 * the routes are view state (see `layoutRoutes.ts`). No React here.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Point } from '../../model/edit';
import type { Workflow } from '../../model';
import type { EdgeRoute } from './layoutRoutes';

export type LayoutDirection = 'RIGHT' | 'DOWN';

export interface Size {
  width: number;
  height: number;
}

export interface LayoutResult {
  positions: Map<string, Point>;
  /** A route per drawn source and target (agent names); a duplicate handoff shares its twin's. */
  routes: Array<{ source: string; target: string; route: EdgeRoute }>;
}

/** What the layout needs to know of the canvas: node and label sizes. */
export interface LayoutMeasures {
  nodeSize: (name: string) => Size | undefined;
  /** The drawn label of the handoff at `index` (its text, width and height). */
  labelSize: (index: number) => Size | undefined;
}

const DEFAULT_NODE: Size = { width: 240, height: 110 };
/** Room around a label, so that neither a node nor another label touches it. */
const LABEL_MARGIN = 6;

/** New positions for every agent and a route for every drawn handoff. */
export async function layoutGraph(
  doc: Workflow,
  direction: LayoutDirection,
  measures: LayoutMeasures,
): Promise<LayoutResult> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const names = new Set(doc.agents.map((a) => a.name));
  // The start agent first, then breadth first from it: with model-order cycle breaking, an edge
  // back to an agent met earlier is the feedback edge (a hand-back), never the way in.
  const order = agentOrder(doc);
  const drawn = doc.handoffs
    .map((edge, index) => ({ edge, index }))
    .filter(
      ({ edge }) => names.has(edge.source) && names.has(edge.target) && edge.source !== edge.target,
    );
  const input: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.edgeNode': '24',
      'elk.spacing.edgeEdge': '14',
      'elk.spacing.edgeLabel': '4',
      'elk.spacing.labelLabel': '8',
      'elk.spacing.labelNode': '12',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.layered.spacing.edgeNodeBetweenLayers': '24',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
      'elk.layered.edgeLabels.sideSelection': 'SMART_UP',
      'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'SPACE_EFFICIENT_LAYER',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.feedbackEdges': 'true',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.separateConnectedComponents': 'true',
      'elk.spacing.componentComponent': '60',
      'elk.aspectRatio': '1.6',
    },
    children: order.map((name) => {
      const size = measures.nodeSize(name) ?? DEFAULT_NODE;
      return {
        id: name,
        width: size.width,
        height: size.height,
        layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
        // The canvas's handles: in at the middle of the left side, out at the middle of the right.
        ports: [
          { id: inPort(name), x: 0, y: size.height / 2, width: 0, height: 0 },
          { id: outPort(name), x: size.width, y: size.height / 2, width: 0, height: 0 },
        ].map((port, i) => ({
          ...port,
          layoutOptions: { 'elk.port.side': i === 0 ? 'WEST' : 'EAST' },
        })),
      };
    }),
    edges: drawn.map(({ edge, index }) => {
      const label = measures.labelSize(index);
      return {
        id: `e${index}`,
        sources: [outPort(edge.source)],
        targets: [inPort(edge.target)],
        labels: label
          ? [
              {
                id: `l${index}`,
                text: 'label',
                width: label.width + 2 * LABEL_MARGIN,
                height: label.height + 2 * LABEL_MARGIN,
                layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' },
              },
            ]
          : [],
      };
    }),
  };
  const graph = await elk.layout(input);
  const positions = new Map<string, Point>();
  for (const child of graph.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  const routes: LayoutResult['routes'] = [];
  for (const edge of graph.edges ?? []) {
    const index = Number(edge.id.slice(1));
    const handoff = doc.handoffs[index];
    const section = edge.sections?.[0];
    if (!handoff || !section) continue;
    const label = edge.labels?.[0];
    routes.push({
      source: handoff.source,
      target: handoff.target,
      route: {
        points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(
          ({ x, y }) => ({ x, y }),
        ),
        label:
          label && label.width !== undefined && label.height !== undefined
            ? { x: (label.x ?? 0) + label.width / 2, y: (label.y ?? 0) + label.height / 2 }
            : undefined,
      },
    });
  }
  return { positions, routes };
}

const inPort = (name: string) => `${name}\u0000in`;
const outPort = (name: string) => `${name}\u0000out`;

/** The agents, start first, then breadth first along the handoffs, then the rest in order. */
function agentOrder(doc: Workflow): string[] {
  const next = new Map<string, string[]>();
  for (const e of doc.handoffs) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const names = new Set(doc.agents.map((a) => a.name));
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (root: string) => {
    const queue = [root];
    seen.add(root);
    for (let i = 0; i < queue.length; i++) {
      const name = queue[i]!;
      order.push(name);
      for (const target of next.get(name) ?? []) {
        if (!seen.has(target) && names.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
  };
  if (names.has(doc.startAgent)) visit(doc.startAgent);
  for (const agent of doc.agents) if (!seen.has(agent.name)) visit(agent.name);
  return order;
}
