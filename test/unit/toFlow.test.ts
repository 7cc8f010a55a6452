import { describe, expect, it } from 'vitest';
import { buildTopology, validateWorkflow, type Workflow } from '../../src/model';
import { moveAgents, updateAgent } from '../../src/model/edit';
import { initialViewport } from '../../src/ui/canvas/initialViewport';
import { createEdgeBuilder, createNodeBuilder, indexProblems } from '../../src/ui/canvas/toFlow';
import { doc } from '../support/docs';

const base = doc({
  startAgent: 'a',
  agents: [
    { name: 'a', description: 'first', position: { x: 0, y: 0 } },
    { name: 'b', description: 'second', position: { x: 400, y: 0 } },
  ],
  handoffs: [{ source: 'a', target: 'b' }],
});

function build(builder: ReturnType<typeof createNodeBuilder>, d: Workflow) {
  const topology = buildTopology(d);
  const ids = {
    agents: d.agents.map((a) => `id-${a.name}`),
    edges: d.handoffs.map((_, i) => `e${i}`),
  };
  return builder(
    d,
    ids,
    topology,
    indexProblems(validateWorkflow(d, topology)),
    new Set(),
    new Map(),
  );
}

describe('canvas nodes from the document', () => {
  it('typing a description changes no React Flow node (the node reads it from the document)', () => {
    const builder = createNodeBuilder();
    const first = build(builder, base);
    const typed = build(builder, updateAgent(base, 'a', { description: 'first, longer' }));
    expect(typed).toBe(first);
  });

  it('a move gives a new node for the moved agent only', () => {
    const builder = createNodeBuilder();
    const first = build(builder, base);
    const moved = build(builder, moveAgents(base, new Map([['b', { x: 500, y: 40 }]])));
    expect(moved).not.toBe(first);
    expect(moved[0]).toBe(first[0]);
    expect(moved[1]!.position).toEqual({ x: 500, y: 40 });
  });

  it('a new problem gives a new node with its marker and announced label', () => {
    const builder = createNodeBuilder();
    const first = build(builder, base);
    // "a" names a tool the workflow does not declare: an error on "a".
    const broken = build(builder, updateAgent(base, 'a', { tools: ['nope'] }));
    expect(broken[0]).not.toBe(first[0]);
    expect(broken[0]!.data.problems.errors).toBeGreaterThan(0);
    expect(broken[0]!.ariaLabel).toMatch(/error/);
  });
});

describe('initial viewport', () => {
  const fit = { padding: 0.15, minZoom: 0.05, maxZoom: 1 };

  it('fits the stored positions into the canvas, zooming out for a wide graph', () => {
    const wide = doc({
      agents: Array.from({ length: 20 }, (_, i) => ({
        name: `a${i}`,
        position: { x: i * 400, y: 0 },
      })),
      startAgent: 'a0',
    });
    const view = initialViewport(wide, 1000, 600, fit);
    // 19 × 400 + 240 wide into 1000 px, less some padding
    const width = 19 * 400 + 240;
    expect(view.zoom * width).toBeLessThan(1000);
    expect(view.zoom * width).toBeGreaterThan(800);
    // centred horizontally
    const centre = (19 * 400 + 240) / 2;
    expect(view.x + centre * view.zoom).toBeCloseTo(500, 0);
  });

  it('never zooms in past 100 % for a small graph, and is the identity with no room', () => {
    expect(initialViewport(base, 1600, 900, fit).zoom).toBe(1);
    expect(initialViewport(base, 0, 0, fit)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});

describe('canvas identity', () => {
  it('two agents with one name are two nodes; an edge to the name attaches to the first', () => {
    const twins = doc({
      startAgent: 'a',
      agents: [{ name: 'a' }, { name: 'b' }, { name: 'b', description: 'twin' }],
      handoffs: [{ source: 'a', target: 'b' }],
    });
    const ids = { agents: ['n1', 'n2', 'n3'], edges: ['e1'] };
    const topology = buildTopology(twins);
    const problems = indexProblems(validateWorkflow(twins, topology));
    const nodes = createNodeBuilder()(twins, ids, topology, problems, new Set(['n3']), new Map());
    expect(nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(nodes.map((n) => n.selected)).toEqual([false, false, true]);
    expect(nodes[2]!.data.problems.errors).toBeGreaterThan(0);
    const edges = createEdgeBuilder()(twins, ids, topology, problems, new Set(['e1']));
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ id: 'e1', source: 'n1', target: 'n2', selected: true });
  });
});
