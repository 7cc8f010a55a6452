/** Where a handoff edge runs on the canvas (pure: no React, no DOM). */
import { getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import type { Point } from '../../model/edit';
import type { EdgeRoute } from './layoutRoutes';

/** How far past the handles a back edge runs: clear of the nodes (about 100 px tall). */
const BACK_EDGE_DROP = 90;
/** How far an end may be from the route's (the handle's size): further, the route is stale. */
const ROUTE_TOLERANCE = 10;
const CORNER = 10;

type Ends = Pick<
  EdgeProps,
  'sourceX' | 'sourceY' | 'targetX' | 'targetY' | 'sourcePosition' | 'targetPosition'
>;

/**
 * The edge's path and label point. After an auto-layout the edge follows the route ELK gave it,
 * label included, for as long as both its ends stay where the layout put them. Otherwise: a
 * curve, except for an edge that runs backwards (a hand-back to an agent further left, common
 * in handoff graphs): it goes out right, round the outer side of its source (over it or under
 * it) and in from the left, with its label on that run; drawn as a curve it would cross the
 * forward edges and put its label on theirs.
 */
export function edgePath(p: Ends, route?: EdgeRoute): [string, number, number] {
  if (route && fits(p, route)) return routedPath(p, route);
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

function fits(p: Ends, route: EdgeRoute): boolean {
  const start = route.points[0];
  const end = route.points[route.points.length - 1];
  if (!start || !end || route.points.length < 2) return false;
  return (
    Math.abs(start.x - p.sourceX) <= ROUTE_TOLERANCE &&
    Math.abs(start.y - p.sourceY) <= ROUTE_TOLERANCE &&
    Math.abs(end.x - p.targetX) <= ROUTE_TOLERANCE &&
    Math.abs(end.y - p.targetY) <= ROUTE_TOLERANCE
  );
}

/** The route from the handles themselves: its first and last runs are moved onto them. */
function routedPath(p: Ends, route: EdgeRoute): [string, number, number] {
  const points = route.points.map((q) => ({ ...q }));
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const second = points[1]!;
  const beforeLast = points[points.length - 2]!;
  if (points.length > 2 && second.y === first.y) second.y = p.sourceY;
  if (points.length > 2 && beforeLast.y === last.y) beforeLast.y = p.targetY;
  points[0] = { x: p.sourceX, y: p.sourceY };
  points[points.length - 1] = { x: p.targetX, y: p.targetY };
  const label = route.label ?? midpoint(points);
  return [roundedPolyline(points, CORNER), label.x, label.y];
}

/** An orthogonal polyline with its corners rounded (by at most half of each run). */
export function roundedPolyline(points: readonly Point[], radius: number): string {
  let d = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const c = points[i + 1]!;
    const r = Math.min(radius, dist(a, b) / 2, dist(b, c) / 2);
    const from = toward(b, a, r);
    const to = toward(b, c, r);
    d += ` L ${from.x} ${from.y} Q ${b.x} ${b.y} ${to.x} ${to.y}`;
  }
  const end = points[points.length - 1]!;
  return `${d} L ${end.x} ${end.y}`;
}

function dist(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function toward(from: Point, to: Point, r: number): Point {
  const d = dist(from, to);
  if (d === 0) return from;
  return { x: from.x + ((to.x - from.x) * r) / d, y: from.y + ((to.y - from.y) * r) / d };
}

/** The point halfway along a polyline. */
function midpoint(points: readonly Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += dist(points[i - 1]!, points[i]!);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const d = dist(points[i - 1]!, points[i]!);
    if (d >= left) return toward(points[i - 1]!, points[i]!, left);
    left -= d;
  }
  return points[0]!;
}
