import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { edgePath } from '../../src/ui/canvas/edgePath';
import { fitAvoiding } from '../../src/ui/canvas/fitCanvas';

const onScreen = (
  r: { x: number; y: number; width: number; height: number },
  v: { x: number; y: number; zoom: number },
) => ({
  x: r.x * v.zoom + v.x,
  y: r.y * v.zoom + v.y,
  width: r.width * v.zoom,
  height: r.height * v.zoom,
});
const overlap = (a: ReturnType<typeof onScreen>, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('fitAvoiding', () => {
  const size = { width: 740, height: 680 };
  const minimap = { x: 528, y: 514, width: 200, height: 150 };

  it('keeps every rect off the minimap, whatever the graph', () => {
    const graphs = [
      // a row, a column, a grid, one agent in the bottom-right corner of a square
      Array.from({ length: 6 }, (_, i) => ({ x: i * 300, y: 0, width: 240, height: 110 })),
      Array.from({ length: 6 }, (_, i) => ({ x: 0, y: i * 160, width: 240, height: 110 })),
      Array.from({ length: 9 }, (_, i) => ({
        x: (i % 3) * 300,
        y: Math.floor(i / 3) * 160,
        width: 240,
        height: 110,
      })),
      [
        { x: 0, y: 0, width: 240, height: 110 },
        { x: 460, y: 320, width: 240, height: 110 },
      ],
    ];
    for (const rects of graphs) {
      const view = fitAvoiding(rects, size, minimap);
      for (const r of rects) {
        const box = onScreen(r, view);
        expect(overlap(box, minimap)).toBe(false);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      }
    }
  });

  it('is the plain fit when nothing lands under the minimap', () => {
    const rects = [{ x: 0, y: 0, width: 240, height: 110 }];
    expect(fitAvoiding(rects, size, minimap)).toEqual(fitAvoiding(rects, size, undefined));
  });
});

describe('edgePath with a laid-out route', () => {
  const route = {
    points: [
      { x: 252, y: 217 },
      { x: 276, y: 217 },
      { x: 276, y: 67 },
      { x: 584, y: 67 },
    ],
    label: { x: 418, y: 46 },
  };
  const ends = {
    sourceX: 256,
    sourceY: 217,
    targetX: 580,
    targetY: 67,
    sourcePosition: Position.Right,
    targetPosition: Position.Left,
  };

  it('follows the route and puts the label where the layout put it', () => {
    const [path, x, y] = edgePath(ends, route);
    expect([x, y]).toEqual([418, 46]);
    expect(path.startsWith('M 256 217')).toBe(true);
    expect(path.endsWith('L 580 67')).toBe(true);
  });

  it('falls back to the curve once an end has moved away', () => {
    const [path, x, y] = edgePath({ ...ends, targetY: 140 }, route);
    expect(path).not.toContain('Q 276');
    expect([x, y]).not.toEqual([418, 46]);
  });
});
