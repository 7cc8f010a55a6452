import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { HandoffPulse } from './HandoffEdge';
import { useEdgeOverlay } from './useTraceOverlay';

/** An edge of the implied mesh: dashed, unlabelled, but traced like a drawn one. */
export const MeshEdge = memo(function MeshEdge(props: EdgeProps) {
  const overlay = useEdgeOverlay(props.source, props.target);
  const [path] = getBezierPath(props);
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        className={`edge-implied${overlay.count > 0 ? ' edge-handoff--taken' : ''}`}
      />
      <HandoffPulse path={path} overlay={overlay} />
    </>
  );
});
