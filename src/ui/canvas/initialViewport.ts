/**
 * The view a document opens in, computed from its stored positions before anything is drawn:
 * React Flow fits the view only once every node has been measured, and a large graph would
 * otherwise be drawn first at 100 % (a thousand edges mounted for nothing) and then again fitted.
 * No React here.
 */
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { Workflow } from '../../model';
import { fallbackPosition } from './toFlow';

/** What a node measures before it is measured (its CSS width; a typical height). */
export const ESTIMATED_NODE = { width: 240, height: 110 };

export interface FitOptions {
  padding: number;
  minZoom: number;
  maxZoom: number;
}

export function initialViewport(
  doc: Workflow,
  width: number,
  height: number,
  { padding, minZoom, maxZoom }: FitOptions,
): Viewport {
  if (doc.agents.length === 0 || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  doc.agents.forEach((agent, index) => {
    const { x, y } = agent.position ?? fallbackPosition(index);
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + ESTIMATED_NODE.width);
    bottom = Math.max(bottom, y + ESTIMATED_NODE.height);
  });
  return getViewportForBounds(
    { x: left, y: top, width: right - left, height: bottom - top },
    width,
    height,
    minZoom,
    maxZoom,
    padding,
  );
}
