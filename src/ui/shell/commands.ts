/**
 * The designer's commands, shared by keyboard shortcuts, the toolbar, the palette and the
 * context of the canvas. Each one goes through the store's one entry point (`apply`).
 */
import {
  addAgent,
  connectHandoff,
  copyFragment,
  duplicateAgents,
  fragmentToText,
  parseFragment,
  pasteFragment,
  type NewAgent,
  type Point,
} from '../../model/edit';
import { agentIdOf, agentNames, deleteById, type DesignerStore } from '../../store';
import { uiStore } from '../uiStore';

const say = (text: string, tone?: 'info' | 'error') => uiStore.getState().say(text, tone);

/** Deletes the selected agents (with their edges and settings) and edges, as one step. */
export function deleteSelection(store: DesignerStore): void {
  const { selection, apply, doc, ids } = store.getState();
  const { agents, edges } = selection;
  if (agents.length === 0 && edges.length === 0) return;
  const label =
    agents.length === 1 && edges.length === 0
      ? `Delete ${agentNames(doc, ids, agents)[0]}`
      : `Delete ${describe(agents.length, edges.length)}`;
  apply(deleteById(agents, edges), {
    label,
    select: { agents: [], edges: [] },
  });
  say(`Deleted ${describe(agents.length, edges.length)}. Undo with Ctrl+Z.`);
}

/** Copies the selected agents next to the originals and selects the copies. */
export function duplicateSelection(store: DesignerStore): void {
  const { selection, apply, doc, ids } = store.getState();
  if (selection.agents.length === 0) return;
  const names = agentNames(doc, ids, selection.agents);
  apply((d) => duplicateAgents(d, names), { label: 'Duplicate' });
}

/** Adds an agent (from a template) at a canvas position and selects it. */
export function addAgentAt(store: DesignerStore, fields: NewAgent, position: Point): void {
  const result = store.getState().apply((d) => addAgent(d, { ...fields, position }), {
    label: 'Add agent',
  });
  const { doc, ids, selection } = store.getState();
  if (result.ok) say(`Added ${agentNames(doc, ids, selection.agents)[0] ?? 'an agent'}.`);
}

/**
 * Draws a handoff from one agent to another, as one step. The source agent stays selected, so
 * that a keyboard user can go on (another handoff, its inspector). Returns false when refused.
 */
export function connectAgents(store: DesignerStore, from: string, to: string): boolean {
  const { doc, ids } = store.getState();
  const fromId = agentIdOf(doc, ids, from);
  const result = store.getState().apply((d) => connectHandoff(d, from, to), {
    label: 'Connect',
    select: { agents: fromId === undefined ? [] : [fromId], edges: [] },
  });
  if (result.ok) say(`${from} hands off to ${to}.`);
  else say(result.error.message, 'error');
  return result.ok;
}

/** The selection as clipboard text (a document fragment), or undefined when nothing is selected. */
export function selectionText(store: DesignerStore): string | undefined {
  const { doc, ids, selection } = store.getState();
  if (selection.agents.length === 0) return undefined;
  return fragmentToText(copyFragment(doc, agentNames(doc, ids, selection.agents)));
}

let pastes = 0;
let lastAt: Point | undefined;
/** Resets the paste offset (a new copy pastes next to its originals again). */
export const copied = (): void => {
  pastes = 0;
};

/**
 * Pastes clipboard text if it holds a fragment (or a workflow); returns false otherwise. With
 * `at` (the pointer on the canvas) the fragment's top-left corner lands there; without it, or
 * pasting again without moving, each paste lands 40 px further than the one before.
 */
export function pasteText(store: DesignerStore, text: string, at?: Point): boolean {
  const fragment = parseFragment(text);
  if (!fragment) return false;
  const corner = topLeft(fragment.agents);
  const moved = at !== undefined && (at.x !== lastAt?.x || at.y !== lastAt?.y);
  pastes = moved ? 0 : pastes + 1;
  lastAt = at;
  const base = at && corner ? { x: at.x - corner.x, y: at.y - corner.y } : { x: 0, y: 0 };
  const step = at && corner ? pastes : Math.max(1, pastes);
  const offset = { x: base.x + 40 * step, y: base.y + 40 * step };
  const result = store
    .getState()
    .apply((d) => pasteFragment(d, fragment, offset), { label: 'Paste' });
  if (result.ok) say(`Pasted ${fragment.agents.length} agent(s).`);
  else say(result.error.message, 'error');
  return true;
}

/** The top-left corner of the agents' stored positions (undefined when none has one). */
function topLeft(agents: ReadonlyArray<{ position?: Point | undefined }>): Point | undefined {
  let corner: Point | undefined;
  for (const { position } of agents) {
    if (!position) continue;
    corner = corner
      ? { x: Math.min(corner.x, position.x), y: Math.min(corner.y, position.y) }
      : { x: position.x, y: position.y };
  }
  return corner;
}

export function selectAll(store: DesignerStore): void {
  const { ids, select } = store.getState();
  select({ agents: ids.agents, edges: ids.edges });
}

export function undo(store: DesignerStore): void {
  const label = store.getState().undoLabel;
  if (store.getState().undo()) say(`Undid: ${label}`);
}

export function redo(store: DesignerStore): void {
  const label = store.getState().redoLabel;
  if (store.getState().redo()) say(`Redid: ${label}`);
}

function describe(agents: number, edges: number): string {
  const parts: string[] = [];
  if (agents) parts.push(`${agents} agent${agents > 1 ? 's' : ''}`);
  if (edges) parts.push(`${edges} handoff${edges > 1 ? 's' : ''}`);
  return parts.join(' and ');
}
