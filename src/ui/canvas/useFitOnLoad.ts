import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useDesigner } from '../../store/hooks';

/**
 * Fits the view when another document is opened (once its nodes are measured), and marks the
 * first render for the benchmark (`performance.mark('canvas-ready')`).
 */
export function useFitOnLoad(): void {
  const { fitView } = useReactFlow();
  const initialized = useNodesInitialized();
  const loadRevision = useDesigner((s) => (s.lastChange === 'load' ? s.revision : -1));
  const fitted = useRef(-1);
  const marked = useRef(false);
  useEffect(() => {
    if (!initialized || loadRevision < 0 || fitted.current === loadRevision) return;
    fitted.current = loadRevision;
    void fitView({ padding: 0.15, maxZoom: 1 });
    if (!marked.current) {
      marked.current = true;
      // After the frame that paints the fitted view.
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('canvas-ready')));
    }
  }, [initialized, loadRevision, fitView]);
}
