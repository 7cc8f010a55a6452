/**
 * Folds React Flow's change objects back into the document store: drags become `moveAgentsById`
 * (one undo step per gesture), clicks and box selection become the store's selection, and
 * measured sizes are remembered so that rebuilt nodes keep them.
 *
 * While a drag is under way its positions stay on the canvas (`onDragPositions`) and reach the
 * document once, when the drag ends: a frame of a drag then costs the canvas, not a document
 * change with everything that listens to it (inspector, JSON view, autosave).
 *
 * Node and edge ids are the store's view ids (see `src/store/identity.ts`).
 */
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useRef } from 'react';
import { connectHandoff, type Point } from '../../model/edit';
import { indexOfId, moveAgentsById, type DesignerState } from '../../store';
import { useApp } from '../../app/appContext';

export type Sizes = Map<string, { width: number; height: number }>;

/** The name of the agent drawn as node `id`. */
const nameOf = ({ doc, ids }: DesignerState, id: string) =>
  doc.agents[indexOfId(ids.agents, id)]?.name;

/** Positions of the agents being dragged (by node id), not yet in the document. */
export type DragPositions = ReadonlyMap<string, Point>;

/**
 * `onSizes` is called when a node's measured size changed (the nodes are then rebuilt);
 * `onDragPositions` with the positions of a drag under way, and with an empty map when it ended.
 */
export function useFlowChanges(
  sizes: Sizes,
  onSizes: () => void,
  onDragPositions: (positions: DragPositions) => void,
) {
  const app = useApp();
  const store = app.designer;
  const gesture = useRef(0);
  // React Flow reports the last position of a drag with `dragging: false` before the drag-stop
  // event: it still belongs to the drag's undo step.
  const inDrag = useRef(false);
  const dragged = useRef(new Map<string, Point>());

  const commitDrag = useCallback(() => {
    if (dragged.current.size === 0) return;
    const positions = dragged.current;
    dragged.current = new Map();
    store.getState().apply(moveAgentsById(positions), {
      label: positions.size > 1 ? `Move ${positions.size} agents` : 'Move agent',
      coalesce: `move:${gesture.current}`,
    });
    onDragPositions(dragged.current);
  }, [store, onDragPositions]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const positions = new Map<string, Point>();
      let dragging = false;
      let dragEnded = false;
      let selectionChanged = false;
      let resized = false;
      const { selection } = store.getState();
      const selected = new Set(selection.agents);
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          positions.set(change.id, change.position);
          dragging ||= change.dragging === true || inDrag.current;
          dragEnded ||= change.dragging !== true;
        } else if (change.type === 'select') {
          selectionChanged = true;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        } else if (change.type === 'dimensions' && change.dimensions) {
          const old = sizes.get(change.id);
          const { width, height } = change.dimensions;
          if (old?.width !== width || old.height !== height) {
            sizes.set(change.id, { width, height });
            resized = true;
          }
        }
      }
      if (resized) onSizes();
      if (positions.size > 0 && dragging) {
        dragged.current = new Map([...dragged.current, ...positions]);
        if (dragEnded) commitDrag();
        else onDragPositions(dragged.current);
      } else if (positions.size > 0) {
        // Arrow-key nudges in a row are one undo step.
        store.getState().apply(moveAgentsById(positions), {
          label: positions.size > 1 ? `Move ${positions.size} agents` : 'Move agent',
          coalesce: 'nudge',
          burstMs: 1000,
        });
      }
      if (selectionChanged) {
        store.getState().select({ ...store.getState().selection, agents: [...selected] });
      }
    },
    [store, sizes, onSizes, onDragPositions, commitDrag],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const { selection, ids } = store.getState();
      const selected = new Set(selection.edges);
      let changed = false;
      for (const change of changes) {
        // Only handoffs are selectable (the implied mesh is not).
        if (change.type !== 'select' || indexOfId(ids.edges, change.id) < 0) continue;
        changed = true;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
      if (changed) store.getState().select({ ...store.getState().selection, edges: [...selected] });
    },
    [store],
  );

  const onNodeDragStart = useCallback(() => {
    gesture.current++;
    inDrag.current = true;
    store.getState().breakCoalescing();
  }, [store]);

  const onNodeDragStop = useCallback(() => {
    commitDrag();
    inDrag.current = false;
    store.getState().breakCoalescing();
  }, [store, commitDrag]);

  const onConnect = useCallback(
    (connection: Connection) => {
      const state = store.getState();
      const source = nameOf(state, connection.source);
      const target = nameOf(state, connection.target);
      if (source === undefined || target === undefined) return;
      const first = state.doc.handoffs.length === 0;
      const result = state.apply((d) => connectHandoff(d, source, target), { label: 'Connect' });
      if (!result.ok) app.say(result.error.message, 'error');
      else if (first) {
        app.say('First handoff drawn: the implied mesh is off; only drawn edges count now.');
      }
    },
    [app, store],
  );

  const isValidConnection = useCallback(
    (c: { source: string; target: string }) => {
      const state = store.getState();
      const source = nameOf(state, c.source);
      const target = nameOf(state, c.target);
      return (
        source !== undefined &&
        target !== undefined &&
        source !== target &&
        !state.doc.handoffs.some((e) => e.source === source && e.target === target)
      );
    },
    [store],
  );

  return {
    onNodesChange,
    onEdgesChange,
    onNodeDragStart,
    onNodeDragStop,
    onConnect,
    isValidConnection,
  };
}
