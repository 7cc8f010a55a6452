import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/**
 * Fits the view again when the Run dock opens or closes: the canvas then changes width by a
 * third of the screen and a graph fitted to the old width would be half hidden.
 */
export function useRefitOnDock(runOpen: boolean): void {
  const flow = useReactFlow();
  const previous = useRef(runOpen);
  useEffect(() => {
    if (previous.current === runOpen) return;
    previous.current = runOpen;
    // Two frames: the new columns are laid out, then React Flow has measured its new size.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(
        () => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 }),
      );
    });
    return () => cancelAnimationFrame(frame);
  }, [runOpen, flow]);
}
