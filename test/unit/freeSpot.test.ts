import { describe, expect, it } from 'vitest';
import { freeSpot, type Box } from '../../src/ui/shell/freeSpot';

const size = { width: 240, height: 110 };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('freeSpot', () => {
  it('centres the box on the point when the place is free', () => {
    expect(freeSpot({ x: 500, y: 300 }, size, [])).toEqual({ x: 380, y: 245 });
  });

  it('moves off a box that covers the centre, to the nearest free place', () => {
    const taken: Box = { x: 380, y: 245, width: 240, height: 110 };
    const spot = freeSpot({ x: 500, y: 300 }, size, [taken], { gap: 20 });
    const box = { ...spot, ...size };
    expect(overlap(box, { x: taken.x - 20, y: taken.y - 20, width: 280, height: 150 })).toBe(false);
    // nearest: it moves by less than a box's height plus the gap, vertically
    expect(Math.hypot(spot.x - 380, spot.y - 245)).toBeLessThanOrEqual(160);
  });

  it('finds a hole in a crowded area without touching any box', () => {
    const boxes: Box[] = [];
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) {
        if (i === 4 && j === 4) continue;
        boxes.push({ x: i * 300, y: j * 170, width: 240, height: 110 });
      }
    }
    const spot = freeSpot({ x: 600, y: 400 }, size, boxes, { gap: 10 });
    for (const b of boxes) expect(overlap({ ...spot, ...size }, b)).toBe(false);
  });

  it('goes below everything when the whole search area is taken', () => {
    const wall: Box = { x: -5000, y: -5000, width: 10000, height: 10000 };
    expect(freeSpot({ x: 0, y: 0 }, size, [wall], { gap: 24 })).toEqual({ x: -120, y: 5024 });
  });
});
