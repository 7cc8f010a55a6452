import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useDesigner, useDesignerStore } from '../../store/hooks';
import { useLayout } from '../shell/useLayout';
import { fitCanvas } from './fitCanvas';

/** Documents of up to this many agents without positions are laid out when they arrive. */
const AUTO_LAYOUT_LIMIT = 200;

/**
 * When another document arrives (opened, imported, or replaced from the JSON view): a document
 * whose agents have no positions at all is laid out (elkjs, then fitted); an opened one is
 * fitted once its nodes are measured. Also marks the first render for the benchmark
 * (`performance.mark('canvas-ready')`).
 */
export function useFitOnLoad(): void {
  const flow = useReactFlow();
  const store = useDesignerStore();
  const layout = useLayout();
  const initialized = useNodesInitialized();
  const arrival = useDesigner((s) =>
    s.lastChange === 'load' || s.lastChange === 'replace' ? s.revision : -1,
  );
  const handled = useRef(-1);
  const marked = useRef(false);
  useEffect(() => {
    if (!initialized || arrival < 0 || handled.current === arrival) return;
    handled.current = arrival;
    const { doc, lastChange } = store.getState();
    const unplaced = doc.agents.every((a) => a.position === undefined);
    // Far above this, a layout takes seconds: the grid of `fallbackPosition` stays.
    if (unplaced && doc.agents.length > 1 && doc.agents.length <= AUTO_LAYOUT_LIMIT) {
      // Two frames: the nodes of a replaced document are measured first (layout uses sizes).
      requestAnimationFrame(() =>
        requestAnimationFrame(() => void layout('RIGHT', 'Lay out the workflow')),
      );
    } else if (lastChange === 'load') {
      fitCanvas(flow);
    }
    if (!marked.current) {
      marked.current = true;
      // After the frame that paints the fitted view.
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('canvas-ready')));
    }
  }, [initialized, arrival, store, flow, layout]);
}
