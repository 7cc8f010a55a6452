import { describe, expect, it } from 'vitest';
import {
  buildTopology,
  handoffResult,
  handoffTools,
  reachableFrom,
  terminalAgents,
  toolCatalogue,
} from '../../src/model';
import { doc } from '../support/docs';

const three = (extra: Record<string, unknown> = {}) =>
  doc({
    startAgent: 'a',
    agents: [
      { name: 'a', description: 'Agent A' },
      { name: 'b', description: 'Agent B' },
      { name: 'c', description: '' },
    ],
    ...extra,
  });

describe('topology', () => {
  it('implies a full mesh without self-edges when there are no edges', () => {
    const t = buildTopology(three());
    expect(t.implied).toBe(true);
    expect(t.targetsOf('a')).toEqual(['b', 'c']);
    expect(t.targetsOf('c')).toEqual(['a', 'b']);
    expect(terminalAgents(t)).toEqual([]);
    expect([...reachableFrom(t, 'c')].sort()).toEqual(['a', 'b', 'c']);
  });

  it('switches the mesh off with one explicit edge', () => {
    const t = buildTopology(three({ handoffs: [{ source: 'a', target: 'b' }] }));
    expect(t.implied).toBe(false);
    expect(t.targetsOf('a')).toEqual(['b']);
    expect(t.targetsOf('b')).toEqual([]);
    expect(terminalAgents(t)).toEqual(['b', 'c']);
    expect([...reachableFrom(t, 'a')]).toEqual(['a', 'b']);
  });

  it('a single agent is terminal even in the mesh', () => {
    const t = buildTopology(doc({}));
    expect(terminalAgents(t)).toEqual(['a']);
  });

  it('ignores malformed edges in the effective graph', () => {
    const t = buildTopology(
      three({
        handoffs: [
          { source: 'a', target: 'b' },
          { source: 'a', target: 'a' },
          { source: 'a', target: 'ghost' },
          { source: 'a', target: 'b', description: 'dup' },
        ],
      }),
    );
    expect(t.targetsOf('a')).toEqual(['b']);
  });

  it('builds handoff tools exactly as docs/spec/run-semantics.md#handoff-tools says', () => {
    const d = three({
      handoffs: [
        { source: 'a', target: 'b', description: 'Edge says' },
        { source: 'a', target: 'c' },
        { source: 'b', target: 'a', description: '   ' },
      ],
    });
    const t = buildTopology(d);
    const a = handoffTools(t, 'a');
    expect(
      a.map(({ name, description, target, edgeIndex }) => ({
        name,
        description,
        target,
        edgeIndex,
      })),
    ).toEqual([
      { name: 'handoff_to_b', description: 'Edge says', target: 'b', edgeIndex: 0 },
      { name: 'handoff_to_c', description: 'Handoff to the c agent.', target: 'c', edgeIndex: 1 },
    ]);
    expect(handoffTools(t, 'b')[0]!.description).toBe('Agent A');
    expect(a[0]!.parameters).toEqual({
      type: 'object',
      properties: { reason: { type: 'string', description: expect.any(String) } },
      required: [],
      additionalProperties: false,
    });
    expect(Object.isFrozen(a[0]!.parameters)).toBe(true);
    expect(handoffTools(t, 'c')).toEqual([]);
    expect(handoffResult('b')).toBe('{"handoff_to":"b"}');
  });

  it("lists an agent's own tools first, then its handoff tools", () => {
    const d = three({
      agents: [{ name: 'a', tools: ['t2', 'missing', 't1'] }, { name: 'b' }, { name: 'c' }],
      tools: [
        { name: 't1', description: 'one' },
        { name: 't2', description: 'two', approval: 'always_require' },
      ],
    });
    const catalogue = toolCatalogue(d, buildTopology(d), 'a');
    expect(catalogue.map((t) => [t.kind, t.name])).toEqual([
      ['function', 't2'],
      ['function', 't1'],
      ['handoff', 'handoff_to_b'],
      ['handoff', 'handoff_to_c'],
    ]);
    expect(catalogue[0]).toMatchObject({ approval: 'always_require', description: 'two' });
  });
});
