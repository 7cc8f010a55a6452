import { describe, expect, it } from 'vitest';
import { Position } from '@xyflow/react';
import { edgePath } from '../../src/ui/canvas/edgePath';
import {
  createCurveCache,
  sketchPaths,
  type Box,
  type SketchEdge,
} from '../../src/ui/canvas/sketchPaths';

const boxes: Record<string, Box> = {
  a: { x: 0, y: 0, width: 100, height: 40 },
  b: { x: 300, y: 100, width: 100, height: 40 },
  c: { x: 300, y: 300, width: 100, height: 60 },
};
const boxOf = (name: string) => boxes[name];
const edge = (source: string, target: string, extra: Partial<SketchEdge> = {}): SketchEdge => ({
  source,
  target,
  severity: undefined,
  selected: false,
  ...extra,
});
/** The curves of a path: each starts with an M. */
const curves = (d: string) => d.split('M').filter(Boolean).length;

describe('edge sketch', () => {
  it('draws each edge from the right middle of its source to the left middle of its target', () => {
    const { ok } = sketchPaths([edge('a', 'b')], boxOf);
    expect(ok.startsWith('M100,20 C')).toBe(true);
    expect(ok.endsWith('300,120')).toBe(true);
    expect(curves(ok)).toBe(1);
  });

  it('groups edges by state: selected over error over warning over taken over ok', () => {
    const paths = sketchPaths(
      [
        edge('a', 'b'),
        edge('a', 'c', { selected: true, severity: 'error' }),
        edge('b', 'c', { severity: 'error' }),
        edge('c', 'a', { severity: 'warning' }),
        edge('b', 'a'),
      ],
      boxOf,
      (s, t) => s === 'b' && t === 'a',
    );
    expect(curves(paths.ok)).toBe(1);
    expect(curves(paths.selected)).toBe(1);
    expect(curves(paths.error)).toBe(1);
    expect(curves(paths.warning)).toBe(1);
    expect(curves(paths.taken)).toBe(1);
    expect(paths.taken.startsWith('M400,120')).toBe(true);
  });

  it('leaves out hidden edges, edges to unknown agents and those the filter refuses', () => {
    const paths = sketchPaths(
      [edge('a', 'b', { hidden: true }), edge('a', 'ghost'), edge('a', 'c'), edge('b', 'c')],
      boxOf,
      undefined,
      (e) => e.source !== 'b',
    );
    expect(curves(paths.ok)).toBe(1);
    expect(paths.ok.endsWith('300,330')).toBe(true);
    expect(Object.values(paths).filter(Boolean)).toHaveLength(1);
  });
});

describe('edge sketch curve cache', () => {
  it('keeps an edge curve while its ends stay, and redraws it when one moves', () => {
    const curve = createCurveCache();
    const e = edge('a', 'b');
    const first = curve(e, boxes.a!, boxes.b!);
    expect(curve(e, { ...boxes.a! }, { ...boxes.b! })).toBe(first);
    const moved = curve(e, boxes.a!, { ...boxes.b!, y: 140 });
    expect(moved).not.toBe(first);
    expect(moved.endsWith('300,160')).toBe(true);
    // the same result as without a cache
    expect(sketchPaths([e], boxOf, undefined, undefined, curve).ok).toBe(
      sketchPaths([e], boxOf).ok,
    );
  });
});

describe('handoff edge paths', () => {
  const at = (sourceX: number, sourceY: number, targetX: number, targetY: number) => ({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition: Position.Right,
    targetPosition: Position.Left,
  });

  it('a forward edge is a curve with its label between the handles', () => {
    const [path, x, y] = edgePath(at(100, 50, 400, 150));
    expect(path).toMatch(/^M100,50 C/);
    expect([x, y]).toEqual([250, 100]);
  });

  it('a back edge goes round the outer side of its source, its label on that run', () => {
    // from a source above the target: over both
    const [over, , overY] = edgePath(at(700, 100, 100, 200));
    expect(over).not.toContain('C');
    expect(overY).toBeLessThan(100);
    // from a source below the target: under both
    const [, , underY] = edgePath(at(700, 300, 100, 200));
    expect(underY).toBeGreaterThan(300);
    // two hand-backs to one agent get labels apart
    expect(underY - overY).toBeGreaterThan(200);
  });
});
