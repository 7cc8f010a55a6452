/**
 * The designer's commands, shared by keyboard shortcuts, the toolbar, the palette and the
 * context of the canvas. Each one goes through the store's one entry point (`apply`) of the
 * app's designer store, and tells the person what happened through `app.say`.
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
import type { App } from '../../app/createApp';
import { agentIdOf, agentNames, deleteById } from '../../store';

/** What the commands work on: the app's designer store, its status line and paste offset. */
export type Workbench = Pick<App, 'designer' | 'say' | 'paste'>;

/** Deletes the selected agents (with their edges and settings) and edges, as one step. */
export function deleteSelection(app: Workbench): void {
  const { selection, apply, doc, ids } = app.designer.getState();
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
  app.say(`Deleted ${describe(agents.length, edges.length)}. Undo with Ctrl+Z.`);
}

/** Copies the selected agents next to the originals and selects the copies. */
export function duplicateSelection(app: Workbench): void {
  const { selection, apply, doc, ids } = app.designer.getState();
  if (selection.agents.length === 0) return;
  const names = agentNames(doc, ids, selection.agents);
  apply((d) => duplicateAgents(d, names), { label: 'Duplicate' });
}

/** Adds an agent (from a template) at a canvas position and selects it. */
export function addAgentAt(app: Workbench, fields: NewAgent, position: Point): void {
  const result = app.designer.getState().apply((d) => addAgent(d, { ...fields, position }), {
    label: 'Add agent',
  });
  const { doc, ids, selection } = app.designer.getState();
  if (result.ok) app.say(`Added ${agentNames(doc, ids, selection.agents)[0] ?? 'an agent'}.`);
}

/**
 * Draws a handoff from one agent to another, as one step. The source agent stays selected, so
 * that a keyboard user can go on (another handoff, its inspector). Returns false when refused.
 */
export function connectAgents(app: Workbench, from: string, to: string): boolean {
  const { doc, ids } = app.designer.getState();
  const fromId = agentIdOf(doc, ids, from);
  const result = app.designer.getState().apply((d) => connectHandoff(d, from, to), {
    label: 'Connect',
    select: { agents: fromId === undefined ? [] : [fromId], edges: [] },
  });
  if (result.ok) app.say(`${from} hands off to ${to}.`);
  else app.say(result.error.message, 'error');
  return result.ok;
}

/** The selection as clipboard text (a document fragment), or undefined when nothing is selected. */
export function selectionText(app: Workbench): string | undefined {
  const { doc, ids, selection } = app.designer.getState();
  if (selection.agents.length === 0) return undefined;
  return fragmentToText(copyFragment(doc, agentNames(doc, ids, selection.agents)));
}

/** Resets the paste offset (a new copy pastes next to its originals again). */
export const copied = (app: Workbench): void => app.paste.copied();

/**
 * Pastes clipboard text if it holds a fragment (or a workflow); returns false otherwise. With
 * `at` (the pointer on the canvas) the fragment's top-left corner lands there; without it, or
 * pasting again without moving, each paste lands 40 px further than the one before.
 */
export function pasteText(app: Workbench, text: string, at?: Point): boolean {
  const fragment = parseFragment(text);
  if (!fragment) return false;
  const corner = topLeft(fragment.agents);
  const offset = app.paste.next(corner, at);
  const result = app.designer
    .getState()
    .apply((d) => pasteFragment(d, fragment, offset), { label: 'Paste' });
  if (result.ok) app.say(`Pasted ${fragment.agents.length} agent(s).`);
  else app.say(result.error.message, 'error');
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

export function selectAll(app: Workbench): void {
  const { ids, select } = app.designer.getState();
  select({ agents: ids.agents, edges: ids.edges });
}

export function undo(app: Workbench): void {
  const label = app.designer.getState().undoLabel;
  if (app.designer.getState().undo()) app.say(`Undid: ${label}`);
}

export function redo(app: Workbench): void {
  const label = app.designer.getState().redoLabel;
  if (app.designer.getState().redo()) app.say(`Redid: ${label}`);
}

function describe(agents: number, edges: number): string {
  const parts: string[] = [];
  if (agents) parts.push(`${agents} agent${agents > 1 ? 's' : ''}`);
  if (edges) parts.push(`${edges} handoff${edges > 1 ? 's' : ''}`);
  return parts.join(' and ');
}
