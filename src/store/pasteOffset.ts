/**
 * Where the next paste lands: at the pointer (the fragment's top-left corner there), or, pasting
 * again without moving, 40 px further than the one before. A new copy starts over.
 */
import type { Point } from '../model/edit';

/** The distance between two pastes at the same place. */
export const PASTE_STEP = 40;

export class PasteOffset {
  private pastes = 0;
  private lastAt: Point | undefined;

  /** A new copy: the next paste lands next to its originals again. */
  copied(): void {
    this.pastes = 0;
  }

  /** The offset to add to the fragment's positions for a paste at `at` (top-left `corner`). */
  next(corner: Point | undefined, at?: Point): Point {
    const moved = at !== undefined && (at.x !== this.lastAt?.x || at.y !== this.lastAt?.y);
    this.pastes = moved ? 0 : this.pastes + 1;
    this.lastAt = at;
    const base = at && corner ? { x: at.x - corner.x, y: at.y - corner.y } : { x: 0, y: 0 };
    const step = at && corner ? this.pastes : Math.max(1, this.pastes);
    return { x: base.x + PASTE_STEP * step, y: base.y + PASTE_STEP * step };
  }
}
