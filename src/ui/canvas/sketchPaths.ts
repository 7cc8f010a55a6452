/**
 * Level of detail for large graphs seen from far away: every handoff drawn as one curve in one
 * of a few SVG paths (by state), instead of thousands of interactive React Flow edges. Pure: the
 * caller passes where each node is; no React, no DOM.
 */
import { getBezierPath, Position } from '@xyflow/react';

/** A node's box in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the sketch needs to know of one edge. */
export interface SketchEdge {
  source: string;
  target: string;
  severity: 'error' | 'warning' | undefined;
  selected: boolean;
  hidden?: boolean;
}

/** One `d` attribute per state; an empty string draws nothing. */
export interface SketchPaths {
  ok: string;
  warning: string;
  error: string;
  selected: string;
  taken: string;
}

/**
 * The curve of each edge from the right middle of its source to the left middle of its target
 * (where the handles are), grouped by state. A state wins in this order: selected, error,
 * warning, taken (by a run), ok. Edges whose ends are unknown, and those `include` refuses, are
 * left out.
 */
export function sketchPaths(
  edges: readonly SketchEdge[],
  boxOf: (name: string) => Box | undefined,
  taken: (source: string, target: string) => boolean = () => false,
  include: (edge: SketchEdge) => boolean = () => true,
  curve: CurveCache = createCurveCache(),
): SketchPaths {
  const parts: Record<keyof SketchPaths, string[]> = {
    ok: [],
    warning: [],
    error: [],
    selected: [],
    taken: [],
  };
  for (const edge of edges) {
    if (edge.hidden || !include(edge)) continue;
    const from = boxOf(edge.source);
    const to = boxOf(edge.target);
    if (!from || !to) continue;
    const d = curve(edge, from, to);
    const state: keyof SketchPaths = edge.selected
      ? 'selected'
      : (edge.severity ?? (taken(edge.source, edge.target) ? 'taken' : 'ok'));
    parts[state].push(d);
  }
  return {
    ok: parts.ok.join(''),
    warning: parts.warning.join(''),
    error: parts.error.join(''),
    selected: parts.selected.join(''),
    taken: parts.taken.join(''),
  };
}

/** The curve of an edge between two boxes; remembers each edge's last curve. */
export type CurveCache = (edge: SketchEdge, from: Box, to: Box) => string;

/**
 * A curve function that recomputes an edge's curve only when one of its ends moved or changed
 * size: a run taking a handoff regroups the edges without redrawing 2,000 curves.
 */
export function createCurveCache(): CurveCache {
  const cache = new WeakMap<SketchEdge, { from: Box; to: Box; d: string }>();
  const same = (a: Box, b: Box) =>
    a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
  return (edge, from, to) => {
    const hit = cache.get(edge);
    if (hit && same(hit.from, from) && same(hit.to, to)) return hit.d;
    const [d] = getBezierPath({
      sourceX: from.x + from.width,
      sourceY: from.y + from.height / 2,
      sourcePosition: Position.Right,
      targetX: to.x,
      targetY: to.y + to.height / 2,
      targetPosition: Position.Left,
    });
    cache.set(edge, { from, to, d });
    return d;
  };
}
