import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { handoffDescription, type Workflow } from '../../model';
import { moveAgents } from '../../model/edit';
import { layoutGraph, type LayoutDirection, type Size } from '../canvas/autoLayout';
import { fitCanvas } from '../canvas/fitCanvas';
import { routeKey, setLayoutRoutes, type EdgeRoute } from '../canvas/layoutRoutes';
import type { AgentNodeData } from '../canvas/toFlow';
import { useApp } from '../../app/appContext';

/** As the edge draws it (HandoffEdge shortens longer labels). */
const MAX_LABEL = 48;

/**
 * Auto-layout (elkjs) of the whole graph as one undo step, with the measured node sizes and the
 * size of every edge label, then fits the view. The routes ELK made are kept as view state.
 */
export function useLayout() {
  const app = useApp();
  const store = app.designer;
  const flow = useReactFlow();
  return useCallback(
    async (direction: LayoutDirection, label?: string) => {
      const doc = store.getState().doc;
      // Nodes by agent name: React Flow's ids are the view's business.
      const nodes = new Map<string, { id: string; size: Size | undefined }>();
      for (const node of flow.getNodes()) {
        const { width, height } = flow.getInternalNode(node.id)?.measured ?? {};
        const name = (node.data as AgentNodeData).name;
        nodes.set(name, { id: node.id, size: width && height ? { width, height } : undefined });
      }
      const labels = measureLabels(doc);
      const { positions, routes } = await layoutGraph(doc, direction, {
        nodeSize: (name) => nodes.get(name)?.size,
        labelSize: (index) => labels[index],
      });
      const byId = new Map<string, EdgeRoute>();
      for (const { source, target, route } of routes) {
        const from = nodes.get(source)?.id;
        const to = nodes.get(target)?.id;
        if (from !== undefined && to !== undefined) byId.set(routeKey(from, to), route);
      }
      setLayoutRoutes(byId);
      // The document may have changed while elk worked: move only agents that still exist.
      const result = store.getState().apply((d) => moveAgents(d, positions), {
        label:
          label ??
          (direction === 'RIGHT' ? 'Auto-layout left to right' : 'Auto-layout top to bottom'),
      });
      if (result.ok) {
        if (!label) app.say('Laid out. Undo with Ctrl+Z.');
        // Once React Flow has the nodes at their new places (a few frames after the edit).
        const placed = () =>
          [...positions].every(([name, at]) => {
            const id = nodes.get(name)?.id;
            const now = id === undefined ? undefined : flow.getInternalNode(id)?.position;
            return !now || (now.x === at.x && now.y === at.y);
          });
        let frames = 0;
        const fit = () => {
          if (!placed() && ++frames < 30) requestAnimationFrame(fit);
          else fitCanvas(flow, { duration: label ? 0 : 300 });
        };
        requestAnimationFrame(fit);
      }
    },
    [app, store, flow],
  );
}

/**
 * The size each handoff's label is drawn at (by handoff index), measured on an invisible label
 * styled as the canvas's; undefined for an edge without a label.
 */
function measureLabels(doc: Workflow): Array<Size | undefined> {
  const probe = document.createElement('div');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;left:-10000px;top:0;visibility:hidden';
  document.body.append(probe);
  const agents = new Map(doc.agents.map((a) => [a.name, a]));
  const labels = doc.handoffs.map((edge) => {
    const text = handoffDescription(edge.description, edge.target, agents.get(edge.target));
    const el = document.createElement('div');
    const own = edge.description !== undefined && edge.description.trim() !== '';
    el.className = `edge-label${own ? '' : ' edge-label--fallback'}`;
    el.textContent = text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
    probe.append(el);
    return el;
  });
  const sizes = labels.map((el) => {
    const { width, height } = el.getBoundingClientRect();
    return width > 0 && height > 0 ? { width, height } : undefined;
  });
  probe.remove();
  return sizes;
}
