/** Where a handoff edge runs on the canvas (pure: no React, no DOM). */
import { getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';

/** How far past the handles a back edge runs: clear of the nodes (about 100 px tall). */
const BACK_EDGE_DROP = 90;

/**
 * The edge's path and label point. An edge that runs backwards (a hand-back to an agent further
 * left, common in handoff graphs) goes out right, round the outer side of its source (over it
 * or under it) and in from the left, with its label on that run; drawn as a curve it would cross
 * the forward edges and put its label on theirs.
 */
export function edgePath(
  p: Pick<
    EdgeProps,
    'sourceX' | 'sourceY' | 'targetX' | 'targetY' | 'sourcePosition' | 'targetPosition'
  >,
): [string, number, number] {
  if (p.targetX >= p.sourceX - 20) {
    const [path, x, y] = getBezierPath(p);
    return [path, x, y];
  }
  const [path, x, y] = getSmoothStepPath({
    ...p,
    borderRadius: 14,
    offset: 24,
    // Round the outer side of the source: over it when it is the higher, else under it.
    centerY:
      p.sourceY < p.targetY
        ? Math.min(p.sourceY, p.targetY) - BACK_EDGE_DROP
        : Math.max(p.sourceY, p.targetY) + BACK_EDGE_DROP,
  });
  return [path, x, y];
}
