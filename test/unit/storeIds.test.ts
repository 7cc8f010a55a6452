import { describe, expect, it } from 'vitest';
import { addAgent, connectHandoff, deleteHandoffs, updateAgent } from '../../src/model/edit';
import {
  createDesignerStore,
  deleteById,
  moveAgentsById,
  onAgent,
  renameAgentById,
  updateHandoffById,
  type DesignerStore,
} from '../../src/store';
import { doc } from '../support/docs';

const chain = () =>
  doc({
    startAgent: 'a',
    agents: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    handoffs: [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'a', target: 'c' },
    ],
  });

/** Two agents called "a" (the JSON view or an import can hold that), each with its handoff. */
const twins = () =>
  doc({
    startAgent: 'a',
    agents: [
      { name: 'a', description: 'first' },
      { name: 'b' },
      { name: 'a', description: 'second' },
    ],
    handoffs: [{ source: 'a', target: 'b' }],
  });

const ids = (store: DesignerStore) => store.getState().ids;

describe('view ids of agents and handoffs', () => {
  it('gives every agent and handoff its own id, duplicates of a name included', () => {
    const store = createDesignerStore(twins());
    const { agents, edges } = ids(store);
    expect(agents).toHaveLength(3);
    expect(new Set(agents).size).toBe(3);
    expect(edges).toHaveLength(1);
    expect(agents.some((id) => edges.includes(id))).toBe(false);
  });

  it('keeps ids through edits, renames, moves and deletes', () => {
    const store = createDesignerStore(chain());
    const [a, b, c] = ids(store).agents;
    const [ab, bc, ac] = ids(store).edges;
    store.getState().apply(renameAgentById(b!, 'bee'), { label: 'Rename' });
    expect(ids(store).agents).toEqual([a, b, c]);
    expect(ids(store).edges).toEqual([ab, bc, ac]);
    store.getState().apply(moveAgentsById(new Map([[c!, { x: 10.4, y: 20 }]])), { label: 'Move' });
    expect(store.getState().doc.agents[2]!.position).toEqual({ x: 10, y: 20 });
    expect(ids(store).agents).toEqual([a, b, c]);
    store.getState().apply((d) => deleteHandoffs(d, [0]), { label: 'Delete' });
    expect(ids(store).edges).toEqual([bc, ac]);
    store.getState().apply((d) => addAgent(d, { name: 'd' }), { label: 'Add' });
    expect(ids(store).agents.slice(0, 3)).toEqual([a, b, c]);
    expect([a, b, c]).not.toContain(ids(store).agents[3]);
    expect(store.getState().selection.agents).toEqual([ids(store).agents[3]]);
  });

  it('after "delete handoffs[0], select b→c, undo" b→c is still selected', () => {
    const store = createDesignerStore(chain());
    const [ab, bc] = ids(store).edges;
    store.getState().apply(deleteById([], [ab!]), { label: 'Delete handoff' });
    store.getState().select({ agents: [], edges: [bc!] });
    store.getState().undo();
    expect(ids(store).edges[0]).toBe(ab);
    expect(store.getState().selection.edges).toEqual([bc]);
    const index = ids(store).edges.indexOf(store.getState().selection.edges[0]!);
    expect(store.getState().doc.handoffs[index]).toEqual({ source: 'b', target: 'c' });
    store.getState().redo();
    expect(ids(store).edges).toEqual([bc, ids(store).edges[1]]);
    expect(store.getState().selection.edges).toEqual([bc]);
  });

  it('brings back the ids of a deleted agent on undo, and drops them from selection on redo', () => {
    const store = createDesignerStore(chain());
    const before = ids(store);
    const b = before.agents[1]!;
    store.getState().select({ agents: [b], edges: [] });
    store.getState().apply(deleteById([b], []), { label: 'Delete b' });
    expect(store.getState().doc.handoffs).toEqual([{ source: 'a', target: 'c' }]);
    expect(store.getState().selection.agents).toEqual([]);
    store.getState().undo();
    expect(ids(store)).toEqual(before);
    store.getState().select({ agents: [b], edges: [] });
    store.getState().redo();
    expect(store.getState().selection.agents).toEqual([]);
  });

  it('a coalesced burst keeps the ids of its start for undo', () => {
    let t = 0;
    const store = createDesignerStore(chain(), { now: () => t });
    const before = ids(store);
    for (const text of ['x', 'xy', 'xyz']) {
      t += 10;
      store
        .getState()
        .apply((d) => updateAgent(d, 'c', { description: text }), { label: 'Type', coalesce: 'c' });
    }
    store.getState().apply(updateHandoffById(before.edges[2]!, { description: 'go' }), {
      label: 'Edge',
    });
    expect(ids(store)).toEqual(before);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc).toEqual(chain());
    expect(ids(store)).toEqual(before);
  });

  it('matches a replaced document by content, then name, and gives new ids otherwise', () => {
    const store = createDesignerStore(chain());
    const [a, b, c] = ids(store).agents;
    const [ab, bc, ac] = ids(store).edges;
    // What the JSON view does: a fresh parse, agents reordered, one edited, a twin of "a" added.
    const edited = doc({
      startAgent: 'a',
      agents: [{ name: 'c' }, { name: 'a' }, { name: 'b', description: 'typed' }, { name: 'a' }],
      handoffs: [
        { source: 'a', target: 'c' },
        { source: 'a', target: 'b', description: 'typed' },
        { source: 'b', target: 'c' },
      ],
    });
    store.getState().select({ agents: [b!], edges: [bc!] });
    store.getState().replaceDocument(edited, 'Edit JSON');
    const next = ids(store);
    expect(next.agents.slice(0, 3)).toEqual([c, a, b]);
    expect([a, b, c]).not.toContain(next.agents[3]);
    expect(next.edges).toEqual([ac, ab, bc]);
    expect(store.getState().selection).toEqual({ agents: [b], edges: [bc] });
    store.getState().undo();
    expect(ids(store).agents).toEqual([a, b, c]);
    store.getState().redo();
    expect(ids(store)).toEqual(next);
  });

  it('gives fresh ids on load and clears the selection', () => {
    const store = createDesignerStore(chain());
    const old = ids(store);
    store.getState().select({ agents: [old.agents[0]!], edges: [] });
    store.getState().loadDocument(chain());
    expect(ids(store).agents.some((id) => old.agents.includes(id))).toBe(false);
    expect(store.getState().selection.agents).toEqual([]);
  });
});

describe('operations by id while a name is duplicated', () => {
  it('renaming one duplicate renames only it and retargets nothing', () => {
    const store = createDesignerStore(twins());
    const [first, , second] = ids(store).agents;
    expect(store.getState().apply(renameAgentById(second!, 'z'), { label: 'Rename' }).ok).toBe(
      true,
    );
    const { doc: d } = store.getState();
    expect(d.agents.map((a) => a.name)).toEqual(['a', 'b', 'z']);
    expect(d.agents[2]!.description).toBe('second');
    expect(d.handoffs).toEqual([{ source: 'a', target: 'b' }]);
    expect(d.startAgent).toBe('a');
    expect(ids(store).agents[2]).toBe(second);
    // The name is unique again: renaming the other follows every reference.
    store.getState().apply(renameAgentById(first!, 'y'), { label: 'Rename' });
    expect(store.getState().doc.handoffs).toEqual([{ source: 'y', target: 'b' }]);
    expect(store.getState().doc.startAgent).toBe('y');
  });

  it('edits and deletes the duplicate it is given, not the first of the name', () => {
    const store = createDesignerStore(twins());
    const [first, , second] = ids(store).agents;
    store.getState().apply(
      onAgent(second!, (d, name) => updateAgent(d, name, { description: 'edited' })),
      { label: 'Edit' },
    );
    expect(store.getState().doc.agents.map((a) => a.description)).toEqual(['first', '', 'edited']);
    expect(ids(store).agents).toEqual([first, ids(store).agents[1], second]);
    store.getState().apply(deleteById([first!], []), { label: 'Delete' });
    const { doc: d } = store.getState();
    expect(d.agents.map((a) => a.description)).toEqual(['', 'edited']);
    // "a" still exists: its handoff and the start agent stay.
    expect(d.handoffs).toEqual([{ source: 'a', target: 'b' }]);
    expect(d.startAgent).toBe('a');
    expect(ids(store).agents[1]).toBe(second);
  });

  it('moves one duplicate only', () => {
    const store = createDesignerStore(twins());
    const second = ids(store).agents[2]!;
    store.getState().apply(moveAgentsById(new Map([[second, { x: 5, y: 5 }]])), { label: 'Move' });
    expect(store.getState().doc.agents.map((a) => a.position)).toEqual([
      undefined,
      undefined,
      { x: 5, y: 5 },
    ]);
  });

  it('selects the agent an operation created even when its name is taken twice', () => {
    const store = createDesignerStore(twins());
    store.getState().apply((d) => connectHandoff(d, 'b', 'a'), { label: 'Connect' });
    expect(store.getState().selection.edges).toEqual([ids(store).edges[1]]);
  });
});
