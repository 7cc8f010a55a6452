/**
 * Fitting the view to the graph without putting any agent under the minimap. The minimap's box
 * is read from the page (its size and corner are CSS's business), and three fits are tried: the
 * whole canvas (kept when no agent lands under the minimap), the part left of the minimap and
 * the part above it; the closest of those that leaves the minimap clear wins.
 */
import type { ReactFlowInstance, Rect, Viewport } from '@xyflow/react';

/** The fit of the whole app: a margin of 15 % of the graph, never closer than 100 %. */
export const FIT_PADDING = 0.15;
export const FIT_MAX_ZOOM = 1;
export const FIT_MIN_ZOOM = 0.05;
/** Room kept between the minimap and the nearest agent, in screen pixels. */
const MINIMAP_GAP = 12;

export interface FitOptions {
  duration?: number;
  /** Only these nodes (ids); all visible nodes when absent. */
  nodes?: readonly string[];
}

/** Fits the view like `fitView`, leaving the minimap's corner free. */
export function fitCanvas(flow: ReactFlowInstance, options: FitOptions = {}): void {
  const frame = document.querySelector<HTMLElement>('.canvas__flow .react-flow');
  const wanted = options.nodes ? new Set(options.nodes) : undefined;
  const rects: Rect[] = [];
  for (const node of flow.getNodes()) {
    if (node.hidden || (wanted && !wanted.has(node.id))) continue;
    const internal = flow.getInternalNode(node.id);
    const width = internal?.measured.width ?? node.width ?? 0;
    const height = internal?.measured.height ?? node.height ?? 0;
    const at = internal?.internals.positionAbsolute ?? node.position;
    rects.push({ x: at.x, y: at.y, width, height });
  }
  if (!frame || rects.length === 0) return;
  const box = frame.getBoundingClientRect();
  const minimap = frame.querySelector('.react-flow__minimap')?.getBoundingClientRect();
  const viewport = fitAvoiding(
    rects,
    { width: box.width, height: box.height },
    minimap && {
      x: minimap.left - box.left,
      y: minimap.top - box.top,
      width: minimap.width,
      height: minimap.height,
    },
  );
  void flow.setViewport(viewport, { duration: options.duration ?? 0 });
}

/**
 * The closest view that shows every rect (flow coordinates) in a `size` canvas with none of them
 * under `avoid` (screen coordinates in the canvas). Pure.
 */
export function fitAvoiding(
  rects: readonly Rect[],
  size: { width: number; height: number },
  avoid: Rect | undefined,
): Viewport {
  const bounds = union(rects);
  const whole = { x: 0, y: 0, ...size };
  const fit = (area: Rect) => fitInto(bounds, area);
  if (!avoid || avoid.width === 0) return fit(whole);
  const keepOut = {
    x: avoid.x - MINIMAP_GAP,
    y: avoid.y - MINIMAP_GAP,
    width: avoid.width + 2 * MINIMAP_GAP,
    height: avoid.height + 2 * MINIMAP_GAP,
  };
  const right = keepOut.x + keepOut.width;
  const below = keepOut.y + keepOut.height;
  // Beside the minimap on each side: none of these areas reaches under it.
  const beside = [
    { x: 0, y: 0, width: keepOut.x, height: size.height },
    { x: right, y: 0, width: size.width - right, height: size.height },
    { x: 0, y: 0, width: size.width, height: keepOut.y },
    { x: 0, y: below, width: size.width, height: size.height - below },
  ].filter((area) => area.width > 0 && area.height > 0);
  const full = fit(whole);
  // The whole canvas first: on a tie it wins (the graph centred).
  const views = rects.some((r) => intersects(onScreen(r, full), keepOut)) ? [] : [full];
  views.push(...beside.map(fit));
  return views.sort((a, b) => b.zoom - a.zoom)[0] ?? full;
}

function fitInto(bounds: Rect, area: Rect): Viewport {
  const zoom = clamp(
    Math.min(
      area.width / (Math.max(bounds.width, 1) * (1 + FIT_PADDING)),
      area.height / (Math.max(bounds.height, 1) * (1 + FIT_PADDING)),
    ),
    FIT_MIN_ZOOM,
    FIT_MAX_ZOOM,
  );
  return {
    x: area.x + (area.width - bounds.width * zoom) / 2 - bounds.x * zoom,
    y: area.y + (area.height - bounds.height * zoom) / 2 - bounds.y * zoom,
    zoom,
  };
}

function union(rects: readonly Rect[]): Rect {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function onScreen(r: Rect, view: Viewport): Rect {
  return {
    x: r.x * view.zoom + view.x,
    y: r.y * view.zoom + view.y,
    width: r.width * view.zoom,
    height: r.height * view.zoom,
  };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
