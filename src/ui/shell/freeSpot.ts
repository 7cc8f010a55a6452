/**
 * Where a new box goes: the free place nearest to a point, so that an agent added from the
 * keyboard never lands on top of another. Pure geometry, no React.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** True when two boxes, each grown by `gap` on every side, overlap. */
function overlaps(a: Box, b: Box, gap: number): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/**
 * The top-left corner of a box of `size` centred as near to `centre` as possible without
 * overlapping any of `boxes` (with `gap` between them). Candidates lie on a grid of `step`
 * around the centre, nearest first; when every candidate within `rings` steps is taken, the
 * nearest place beyond all boxes (below them) is returned.
 */
export function freeSpot(
  centre: { x: number; y: number },
  size: Size,
  boxes: readonly Box[],
  { gap = 24, step = 40, rings = 25 }: { gap?: number; step?: number; rings?: number } = {},
): { x: number; y: number } {
  const origin = { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
  const candidates: Array<{ i: number; j: number; d: number }> = [];
  for (let i = -rings; i <= rings; i++) {
    for (let j = -rings; j <= rings; j++) candidates.push({ i, j, d: i * i + j * j });
  }
  candidates.sort((a, b) => a.d - b.d || a.j - b.j || a.i - b.i);
  for (const { i, j } of candidates) {
    const box = { x: origin.x + i * step, y: origin.y + j * step, ...size };
    if (!boxes.some((b) => overlaps(box, b, gap))) return { x: box.x, y: box.y };
  }
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: origin.x, y: bottom + gap };
}
