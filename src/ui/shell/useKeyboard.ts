import { useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import { useEffect } from 'react';
import { AGENT_TEMPLATES } from '../../model/edit';
import type { App } from '../../app/createApp';
import { agentNames } from '../../store';
import {
  addAgentAt,
  copied,
  deleteSelection,
  duplicateSelection,
  pasteText,
  redo,
  selectAll,
  selectionText,
  undo,
} from './commands';
import { typingIn } from './focus';
import { handoffTargets } from '../find/matchAgents';
import { freeSpot } from './freeSpot';
import { useLayout } from './useLayout';
import { fitCanvas } from '../canvas/fitCanvas';
import { useApp } from '../../app/appContext';

const THEMES = ['system', 'light', 'dark'] as const;

/** Global keyboard shortcuts (see `shortcuts.ts`) and clipboard handling. */
export function useKeyboard(): void {
  const app = useApp();
  const store = app.designer;
  const flow = useReactFlow();
  const layout = useLayout();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const { text, docField } = typingIn(e);
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && (key === 'z' || key === 'y') && (!text || docField)) {
        e.preventDefault();
        store.getState().breakCoalescing();
        if (key === 'y' || e.shiftKey) redo(app);
        else undo(app);
        return;
      }
      if (text) return;
      if (e.key === 'Escape') {
        const ui = app.ui.getState();
        if (ui.shortcutsOpen) ui.set({ shortcutsOpen: false });
        else store.getState().select({ agents: [], edges: [] });
        return;
      }
      if ((mod && key === 'k') || (!mod && !e.altKey && e.key === '/')) {
        e.preventDefault();
        app.picker.getState().set({ find: true, handoffFrom: undefined });
      } else if (mod && key === 'd') {
        e.preventDefault();
        duplicateSelection(app);
      } else if (mod && key === 'a') {
        e.preventDefault();
        selectAll(app);
      } else if (mod || e.altKey) {
        return;
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        deleteSelection(app);
      } else if (e.key === '?') {
        app.ui.getState().set({ shortcutsOpen: !app.ui.getState().shortcutsOpen });
      } else if (e.key === 'F2') {
        const [agent] = store.getState().selection.agents;
        if (agent !== undefined) app.ui.getState().set({ renaming: agent });
      } else if (e.key === 'Enter') {
        onEnter(app, e);
      } else if (key === 'n') {
        addAgentAt(app, AGENT_TEMPLATES[0]!.agent, freeSpotInView(flow));
      } else if (key === 'h') {
        e.preventDefault();
        startHandoff(app);
      } else if (key === 'l') {
        void layout(e.shiftKey ? 'DOWN' : 'RIGHT');
      } else if (key === 'f') {
        fitCanvas(flow, { duration: 200 });
      } else if (e.key === '+' || e.key === '=') {
        void flow.zoomIn({ duration: 150 });
      } else if (e.key === '-') {
        void flow.zoomOut({ duration: 150 });
      } else if (key === 'g') {
        const snap = !app.ui.getState().snapToGrid;
        app.ui.getState().set({ snapToGrid: snap });
        app.ui.getState().say(`Snap to grid ${snap ? 'on' : 'off'}.`);
      } else if (key === 't') {
        const current = THEMES.indexOf(app.ui.getState().theme);
        app.ui.getState().set({ theme: THEMES[(current + 1) % THEMES.length]! });
      }
    };
    // The clipboard events carry the system clipboard without a permission prompt.
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (typingIn(e).text || window.getSelection()?.toString()) return;
      const text = selectionText(app);
      if (!text || !e.clipboardData) return;
      e.preventDefault();
      e.clipboardData.setData('text/plain', text);
      copied(app);
      const n = store.getState().selection.agents.length;
      if (cut) deleteSelection(app);
      app.ui.getState().say(`${cut ? 'Cut' : 'Copied'} ${n} agent(s).`);
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    const paste = (e: ClipboardEvent) => {
      if (typingIn(e).text) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (pasteText(app, text, app.pointer.position())) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', paste);
    };
  }, [app, store, flow, layout]);
}

/** `H`: "hand off to…" from the one selected agent. */
function startHandoff(app: App): void {
  const { doc, ids, selection } = app.designer.getState();
  const [from, ...more] = agentNames(doc, ids, selection.agents);
  if (from === undefined || more.length > 0) {
    app.ui.getState().say('Select one agent to draw a handoff from it.');
  } else if (handoffTargets(doc, from).length === 0) {
    app.ui.getState().say(`${from} already hands off to every other agent.`);
  } else {
    app.picker.getState().set({ handoffFrom: from, find: false });
  }
}

/** What a node measures before React Flow has measured it (its CSS width, a typical height). */
const NEW_NODE = { width: 240, height: 110 };

/** A free place for a new agent nearest to the centre of the view, in flow coordinates. */
function freeSpotInView(flow: ReactFlowInstance): { x: number; y: number } {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const centre = pane
    ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
    : { x: 0, y: 0 };
  const boxes = flow.getNodes().map((n) => ({
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? NEW_NODE.width,
    height: n.measured?.height ?? NEW_NODE.height,
  }));
  return freeSpot(centre, NEW_NODE, boxes);
}

/** Enter on a focused handoff edits its label in place. */
function onEnter(app: App, e: KeyboardEvent): void {
  const el = e.target as HTMLElement;
  const id = el.closest('.react-flow__edge')?.getAttribute('data-id');
  if (id && app.designer.getState().ids.edges.includes(id)) {
    app.designer.getState().select({ agents: [], edges: [id] });
    app.ui.getState().set({ editingEdge: id });
    e.preventDefault();
  }
}
