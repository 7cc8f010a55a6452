/**
 * Where the pointer is on the canvas, in flow coordinates (undefined when it is elsewhere): a
 * paste lands there. A plain variable, not state: it changes on every mouse move and nothing
 * renders from it.
 */
import type { Point } from '../../model/edit';

let pointer: Point | undefined;

export const setCanvasPointer = (at: Point | undefined): void => {
  pointer = at;
};

export const canvasPointer = (): Point | undefined => pointer;
