/**
 * Where the pointer is on the canvas (undefined when it is elsewhere): a paste lands there. Kept
 * as screen coordinates with the canvas's converter, in a plain field, not state: it changes on
 * every mouse move, nothing renders from it, and the flow position is only worked out when a
 * paste asks for it.
 */
import type { Point } from '../model/edit';

export class CanvasPointer {
  private pointer: { client: Point; toFlow: (client: Point) => Point } | undefined;

  set(client: Point | undefined, toFlow: (client: Point) => Point): void {
    this.pointer = client ? { client, toFlow } : undefined;
  }

  /** The pointer's position on the canvas in flow coordinates, if it is over the canvas. */
  position(): Point | undefined {
    return this.pointer?.toFlow(this.pointer.client);
  }
}
