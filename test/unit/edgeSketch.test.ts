import { describe, expect, it } from 'vitest';
import { sketchPaths, type Box, type SketchEdge } from '../../src/ui/canvas/edgeSketch';

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
