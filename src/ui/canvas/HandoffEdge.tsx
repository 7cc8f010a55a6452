import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import type { EdgeOverlay } from '../../trace';
import { updateHandoffById } from '../../store/byId';
import { useDesignerStore } from '../../store/hooks';
import { useUi } from '../uiStore';
import type { HandoffFlowEdge } from './toFlow';
import { useEdgeBreakpoint } from './breakpoints';
import { edgePath } from './edgePath';
import { useLayoutRoute } from './layoutRoutes';
import { useEdgeOverlay } from './useTraceOverlay';
import { useApp } from '../../app/appContext';
import { TestEdgeBadge, testEdgeClass } from '../tests/TestMarks';
import { useTestEdge } from '../tests/useTestView';

const MAX_LABEL = 48;

/**
 * A handoff edge: a directed curve with its description as the label. Double-click the label to
 * edit it in place; a label in italics is the fallback (the target's description).
 */
export const HandoffEdge = memo(function HandoffEdge(props: EdgeProps<HandoffFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } =
    props;
  // The ends by name (the trace and breakpoints speak names; `source`/`target` are node ids).
  const overlay = useEdgeOverlay(data?.from ?? '', data?.to ?? '');
  const breakpoint = useEdgeBreakpoint(data?.from ?? '', data?.to ?? '');
  const testTone = useTestEdge(data?.from ?? '', data?.to ?? '')?.tone;
  const editing = useUi((s) => s.editingEdge === id);
  const app = useApp();
  const store = app.designer;
  const route = useLayoutRoute(props.source, props.target);
  const [path, labelX, labelY] = edgePath(
    { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition },
    route,
  );
  const severity = data?.severity;
  const label = data?.label ?? '';
  const short = label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`edge-handoff${severity ? ` edge-handoff--${severity}` : ''}${
          overlay.count > 0 ? ' edge-handoff--taken' : ''
        }${testEdgeClass(testTone)}`}
        markerEnd={`url(#handoff-arrow-${severity ?? (selected ? 'selected' : 'ok')})`}
        interactionWidth={16}
      />
      <HandoffPulse path={path} overlay={overlay} />
      <EdgeLabelRenderer>
        <div
          className={`edge-label nodrag nopan${selected ? ' edge-label--selected' : ''}${
            severity ? ` edge-label--${severity}` : ''
          }${data?.own ? '' : ' edge-label--fallback'}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={data?.problem ? `${label}\n⚠ ${data.problem}` : label}
          onDoubleClick={() => app.ui.getState().set({ editingEdge: id })}
          onClick={(e) => {
            e.stopPropagation();
            const { selection, select } = store.getState();
            select(
              e.shiftKey || e.metaKey || e.ctrlKey
                ? { agents: selection.agents, edges: [...selection.edges, id] }
                : { agents: [], edges: [id] },
            );
          }}
        >
          {breakpoint && (
            <span
              className="breakpoint-dot"
              style={{ marginRight: 6 }}
              title="Breakpoint: a run pauses before this handoff is taken"
              aria-label="breakpoint"
            />
          )}
          {overlay.count > 0 && !editing && (
            <span className="edge-label__count" title={`Taken ${overlay.count} time(s)`}>
              ×{overlay.count}
            </span>
          )}
          {!editing && <TestEdgeBadge source={data?.from ?? ''} target={data?.to ?? ''} />}
          {editing ? <LabelEditor id={id} initial={data?.own ? label : ''} /> : short}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

/**
 * A dot travelling along the edge when the handoff is taken; keyed by the crossing's seq, so
 * every crossing starts it again. Shown only on the edge that carries the latest handoff.
 */
export function HandoffPulse({ path, overlay }: { path: string; overlay: EdgeOverlay }) {
  if (!overlay.latest || overlay.lastSeq === 0) return null;
  return (
    <circle key={overlay.lastSeq} r={6} className="handoff-pulse" aria-hidden="true">
      <animateMotion dur="0.9s" repeatCount="1" fill="freeze" path={path} />
    </circle>
  );
}

function LabelEditor({ id, initial }: { id: string; initial: string }) {
  const app = useApp();
  const store = useDesignerStore();
  const [value, setValue] = useState(initial);
  const stop = () => app.ui.getState().set({ editingEdge: undefined });
  const commit = () => {
    store.getState().apply(updateHandoffById(id, { description: value.trim() }), {
      label: 'Edit handoff description',
    });
    stop();
  };
  return (
    <input
      className="edge-label__input"
      aria-label="Handoff description"
      placeholder="When should the model hand off?"
      value={value}
      autoFocus
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') stop();
      }}
      onBlur={commit}
    />
  );
}

/** Arrowhead markers, one per state, defined once for every edge. */
export function EdgeMarkers() {
  return (
    <svg className="edge-markers" aria-hidden="true" width="0" height="0">
      <defs>
        {(['ok', 'selected', 'warning', 'error'] as const).map((state) => (
          <marker
            key={state}
            id={`handoff-arrow-${state}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className={`edge-arrow edge-arrow--${state}`} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
