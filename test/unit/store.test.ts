import { describe, expect, it } from 'vitest';
import {
  addAgent,
  connectHandoff,
  deleteAgents,
  moveAgents,
  renameAgent,
  updateAgent,
} from '../../src/model/edit';
import { createDesignerStore, onDocumentChange, subscribeSelector } from '../../src/store';
import { doc } from '../support/docs';

const sample = () =>
  doc({
    startAgent: 'a',
    agents: [
      { name: 'a', instructions: 'x', description: 'A', position: { x: 0, y: 0 } },
      { name: 'b', instructions: 'x', description: 'B', position: { x: 300, y: 0 } },
    ],
    handoffs: [{ source: 'a', target: 'b' }],
  });

const fakeClock = () => {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('designer store', () => {
  it('applies an operation as one undo step and undoes/redoes it', () => {
    const store = createDesignerStore(sample());
    const original = store.getState().doc;
    const result = store.getState().apply((d) => renameAgent(d, 'b', 'bee'), { label: 'Rename' });
    expect(result).toEqual({ ok: true, changed: true });
    expect(store.getState().doc.handoffs[0]!.target).toBe('bee');
    expect(store.getState().undoLabel).toBe('Rename');
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().doc).toEqual(original);
    expect(store.getState().canRedo).toBe(true);
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().doc.agents[1]!.name).toBe('bee');
    expect(store.getState().redo()).toBe(false);
  });

  it('merges a drag into one step (one coalescing key per gesture)', () => {
    const store = createDesignerStore(sample());
    const { apply } = store.getState();
    for (let x = 1; x <= 30; x++) {
      apply((d) => moveAgents(d, { a: { x, y: x } }), { label: 'Move', coalesce: 'move:1' });
    }
    store.getState().breakCoalescing();
    apply((d) => moveAgents(d, { a: { x: 99, y: 99 } }), { label: 'Move', coalesce: 'move:2' });
    store.getState().undo();
    expect(store.getState().doc.agents[0]!.position).toEqual({ x: 30, y: 30 });
    store.getState().undo();
    expect(store.getState().doc.agents[0]!.position).toEqual({ x: 0, y: 0 });
    expect(store.getState().canUndo).toBe(false);
  });

  it('merges a burst of typing and starts a new step after a pause or blur', () => {
    const clock = fakeClock();
    const store = createDesignerStore(sample(), { now: clock.now });
    const type = (text: string) =>
      store.getState().apply((d) => updateAgent(d, 'a', { description: text }), {
        label: 'Edit description',
        coalesce: 'agent:a.description',
        burstMs: 1000,
      });
    for (const text of ['A h', 'A he', 'A hel', 'A hello']) {
      clock.advance(100);
      type(text);
    }
    clock.advance(5000);
    type('A hello!');
    store.getState().breakCoalescing();
    type('A hello!?');
    store.getState().undo();
    expect(store.getState().doc.agents[0]!.description).toBe('A hello!');
    store.getState().undo();
    expect(store.getState().doc.agents[0]!.description).toBe('A hello');
    store.getState().undo();
    expect(store.getState().doc.agents[0]!.description).toBe('A');
  });

  it('never clears redo on a selection change; an edit does', () => {
    const store = createDesignerStore(sample());
    store.getState().apply((d) => deleteAgents(d, ['b']), { label: 'Delete' });
    store.getState().undo();
    const { ids } = store.getState();
    store.getState().select({ agents: [...ids.agents], edges: [ids.edges[0]!] });
    expect(store.getState().canRedo).toBe(true);
    store.getState().select({ agents: [], edges: [] });
    expect(store.getState().redo()).toBe(true);
    store.getState().undo();
    store.getState().apply((d) => updateAgent(d, 'a', { model: 'm' }), { label: 'Model' });
    expect(store.getState().canRedo).toBe(false);
  });

  it('refuses an operation without changing anything', () => {
    const store = createDesignerStore(sample());
    const before = store.getState();
    const result = store.getState().apply((d) => connectHandoff(d, 'a', 'b'), { label: 'Connect' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('duplicate_handoff');
    expect(store.getState().doc).toBe(before.doc);
    expect(store.getState().revision).toBe(before.revision);
    expect(store.getState().canUndo).toBe(false);
  });

  it('selects what an operation created and drops selection that no longer exists', () => {
    const store = createDesignerStore(sample());
    store.getState().apply((d) => addAgent(d, { name: 'c' }), { label: 'Add' });
    expect(store.getState().selection).toEqual({
      agents: [store.getState().ids.agents[2]],
      edges: [],
    });
    store.getState().apply((d) => connectHandoff(d, 'b', 'c'), { label: 'Connect' });
    expect(store.getState().selection).toEqual({
      agents: [],
      edges: [store.getState().ids.edges[1]],
    });
    store.getState().undo();
    expect(store.getState().selection.edges).toEqual([]);
  });

  it('keeps validation issues in step with the document', () => {
    const store = createDesignerStore(sample());
    expect(store.getState().issues.filter((i) => i.severity === 'error')).toEqual([]);
    store.getState().apply((d) => ({ ...d, startAgent: 'ghost' }), { label: 'Start' });
    expect(store.getState().issues[0]!.code).toBe('unknown_start_agent');
    store.getState().undo();
    expect(store.getState().issues.some((i) => i.code === 'unknown_start_agent')).toBe(false);
  });

  it('replaces the whole document as one step and loads without history', () => {
    const store = createDesignerStore(sample());
    const replacement = doc({ name: 'other', agents: [{ name: 'a' }] });
    expect(store.getState().replaceDocument(replacement, 'Edit JSON')).toBe(true);
    expect(store.getState().lastChange).toBe('replace');
    expect(store.getState().replaceDocument(store.getState().doc, 'Edit JSON')).toBe(false);
    store.getState().undo();
    expect(store.getState().doc.agents).toHaveLength(2);
    store.getState().loadDocument(replacement);
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().lastChange).toBe('load');
  });

  it('notifies document subscribers on changes, not on selection', () => {
    const store = createDesignerStore(sample());
    const kinds: string[] = [];
    const selections: number[] = [];
    const off = onDocumentChange(store, (_doc, kind) => kinds.push(kind));
    subscribeSelector(
      store,
      (s) => s.selection,
      (s) => selections.push(s.agents.length),
    );
    store.getState().select({ agents: [store.getState().ids.agents[0]!], edges: [] });
    store.getState().apply((d) => updateAgent(d, 'a', { model: 'm' }), { label: 'Model' });
    store.getState().undo();
    store.getState().redo();
    off();
    store.getState().undo();
    expect(kinds).toEqual(['edit', 'undo', 'redo']);
    expect(selections).toEqual([1]);
  });
});

describe('derived state', () => {
  it('keeps issues and topology when only positions change', () => {
    const store = createDesignerStore(sample());
    const { issues, topology } = store.getState();
    store.getState().apply((d) => moveAgents(d, { a: { x: 5, y: 5 } }), { label: 'Move' });
    expect(store.getState().issues).toBe(issues);
    expect(store.getState().topology).toBe(topology);
    // an edit that changes no problem keeps the issues array (nothing showing them re-renders)
    store.getState().apply((d) => updateAgent(d, 'a', { description: 'A2' }), { label: 'Edit' });
    expect(store.getState().topology).not.toBe(topology);
    expect(store.getState().issues).toBe(issues);
    store.getState().apply((d) => updateAgent(d, 'a', { instructions: '' }), { label: 'Edit' });
    expect(store.getState().issues).not.toBe(issues);
    expect(store.getState().issues.some((i) => i.code === 'empty_instructions')).toBe(true);
  });
});
