import { EdgeLabelRenderer, useStore, useStoreApi } from '@xyflow/react';
import { memo, useMemo, useState, type CSSProperties } from 'react';
import { edgeKey } from '../../trace';
import {
  createCurveCache,
  sketchPaths,
  type Box,
  type SketchEdge,
  type SketchPaths,
} from './sketchPaths';
import { HandoffPulse } from './HandoffEdge';
import { useTraceEdges } from './useTraceOverlay';

const STATES = ['ok', 'taken', 'warning', 'error', 'selected'] as const;

const touches = (names: ReadonlySet<string>, e: SketchEdge) =>
  names.has(e.source) || names.has(e.target);

const isTaken =
  (edges: Readonly<Record<string, { count: number }>>) => (source: string, target: string) =>
    (edges[edgeKey(source, target)]?.count ?? 0) > 0;

/** `value`, except that while `frozen` it stays what it was when `frozen` became true. */
function useStillDuring<T>(frozen: boolean, value: T): T {
  const [kept, setKept] = useState<{ frozen: boolean; value: T }>({ frozen, value });
  if (kept.frozen !== frozen || (!frozen && kept.value !== value)) {
    setKept({ frozen, value });
    return value;
  }
  return kept.value;
}

/**
 * All handoffs as a few SVG paths: what the canvas draws instead of interactive edges when a
 * large graph is seen from far away (labels are unreadable there and thousands of edge
 * components would make every drag frame slow). Zoom in to get the full edges back.
 *
 * While nodes are dragged, their edges are drawn in a layer of their own and the others stay
 * untouched, so that the browser repaints a few curves per frame instead of all of them.
 */
export const EdgeSketch = memo(function EdgeSketch({
  edges,
  dragging,
}: {
  edges: readonly SketchEdge[];
  /** The agents being dragged (the same set for the whole drag). */
  dragging: ReadonlySet<string>;
}) {
  const api = useStoreApi();
  // A new nodes array on every move: the moving layer follows drags frame by frame.
  const nodes = useStore((s) => s.nodes);
  const trace = useTraceEdges();
  // One screen pixel in flow units: strokes stay 1–2.5 px wide whatever the zoom.
  const px = useStore((s) => 1 / s.transform[2]);
  const style = useMemo(() => ({ '--px': `${px}px` }) as CSSProperties, [px]);
  const boxOf = useMemo(() => {
    const lookup = api.getState().nodeLookup;
    return (name: string): Box | undefined => {
      const node = lookup.get(name);
      if (!node) return undefined;
      const { x, y } = node.internals.positionAbsolute;
      return { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 };
    };
    // `nodes` is the signal that positions or sizes changed (the lookup is mutated in place).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, nodes]);
  // Positions as they were when the drag started: the still layer keeps them for the whole drag.
  const stillBoxOf = useStillDuring(dragging.size > 0, boxOf);
  const [curve] = useState(createCurveCache);
  const taken = trace.edges;
  const still = useMemo(
    () => sketchPaths(edges, stillBoxOf, isTaken(taken), (e) => !touches(dragging, e), curve),
    [edges, stillBoxOf, taken, dragging, curve],
  );
  const moving = useMemo(
    () =>
      dragging.size > 0
        ? sketchPaths(edges, boxOf, isTaken(taken), (e) => touches(dragging, e), curve)
        : undefined,
    [edges, boxOf, taken, dragging, curve],
  );
  const last = trace.lastHandoff;
  const lastPath = useMemo(
    () =>
      last
        ? sketchPaths(
            [{ source: last.source, target: last.target, severity: undefined, selected: false }],
            boxOf,
          ).ok
        : '',
    [last, boxOf],
  );
  return (
    <EdgeLabelRenderer>
      <SketchLayer paths={still} testId="edge-sketch" style={style} />
      {moving && <SketchLayer paths={moving} testId="edge-sketch-moving" style={style} />}
      {last && lastPath && (
        <svg className="edge-sketch" aria-hidden="true" style={style}>
          <HandoffPulse
            path={lastPath}
            overlay={{ count: 1, crossings: [], latest: true, lastSeq: last.seq }}
          />
        </svg>
      )}
    </EdgeLabelRenderer>
  );
});

const SketchLayer = memo(function SketchLayer({
  paths,
  testId,
  style,
}: {
  paths: SketchPaths;
  testId: string;
  style: CSSProperties;
}) {
  return (
    <svg
      className={`edge-sketch${testId === 'edge-sketch-moving' ? ' edge-sketch--moving' : ''}`}
      data-testid={testId}
      aria-hidden="true"
      style={style}
    >
      {STATES.map((state) =>
        paths[state] ? (
          <path key={state} className={`edge-sketch__${state}`} d={paths[state]} />
        ) : null,
      )}
    </svg>
  );
});
