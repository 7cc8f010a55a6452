import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { moveAgents } from '../../model/edit';
import { useDesignerStore } from '../../store/hooks';
import { layoutPositions, type LayoutDirection } from '../canvas/autoLayout';
import { uiStore } from '../uiStore';

/** Auto-layout (elkjs) of the whole graph as one undo step, then fits the view. */
export function useLayout() {
  const store = useDesignerStore();
  const flow = useReactFlow();
  return useCallback(
    async (direction: LayoutDirection) => {
      const doc = store.getState().doc;
      const positions = await layoutPositions(doc, direction, (name) => {
        const node = flow.getInternalNode(name);
        const { width, height } = node?.measured ?? {};
        return width && height ? { width, height } : undefined;
      });
      // The document may have changed while elk worked: move only agents that still exist.
      const result = store.getState().apply((d) => moveAgents(d, positions), {
        label: direction === 'RIGHT' ? 'Auto-layout left to right' : 'Auto-layout top to bottom',
      });
      if (result.ok) {
        uiStore.getState().say('Laid out. Undo with Ctrl+Z.');
        requestAnimationFrame(
          () => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 300 }),
        );
      }
    },
    [store, flow],
  );
}
