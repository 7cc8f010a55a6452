import { useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import { useEffect } from 'react';
import { AGENT_TEMPLATES } from '../../model/edit';
import { agentNames, type DesignerStore } from '../../store';
import { useDesignerStore } from '../../store/hooks';
import { uiStore } from '../uiStore';
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
import { canvasPointer } from '../canvas/pointer';
import { typingIn } from './focus';
import { handoffTargets } from '../find/matchAgents';
import { pickerStore } from '../find/pickerStore';
import { freeSpot } from './freeSpot';
import { useLayout } from './useLayout';
import { fitCanvas } from '../canvas/fitCanvas';

const THEMES = ['system', 'light', 'dark'] as const;

/** Global keyboard shortcuts (see `shortcuts.ts`) and clipboard handling. */
export function useKeyboard(): void {
  const store = useDesignerStore();
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
        if (key === 'y' || e.shiftKey) redo(store);
        else undo(store);
        return;
      }
      if (text) return;
      if (e.key === 'Escape') {
        const ui = uiStore.getState();
        if (ui.shortcutsOpen) ui.set({ shortcutsOpen: false });
        else store.getState().select({ agents: [], edges: [] });
        return;
      }
      if ((mod && key === 'k') || (!mod && !e.altKey && e.key === '/')) {
        e.preventDefault();
        pickerStore.getState().set({ find: true, handoffFrom: undefined });
      } else if (mod && key === 'd') {
        e.preventDefault();
        duplicateSelection(store);
      } else if (mod && key === 'a') {
        e.preventDefault();
        selectAll(store);
      } else if (mod || e.altKey) {
        return;
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        deleteSelection(store);
      } else if (e.key === '?') {
        uiStore.getState().set({ shortcutsOpen: !uiStore.getState().shortcutsOpen });
      } else if (e.key === 'F2') {
        const [agent] = store.getState().selection.agents;
        if (agent !== undefined) uiStore.getState().set({ renaming: agent });
      } else if (e.key === 'Enter') {
        onEnter(store, e);
      } else if (key === 'n') {
        addAgentAt(store, AGENT_TEMPLATES[0]!.agent, freeSpotInView(flow));
      } else if (key === 'h') {
        e.preventDefault();
        startHandoff(store);
      } else if (key === 'l') {
        void layout(e.shiftKey ? 'DOWN' : 'RIGHT');
      } else if (key === 'f') {
        fitCanvas(flow, { duration: 200 });
      } else if (e.key === '+' || e.key === '=') {
        void flow.zoomIn({ duration: 150 });
      } else if (e.key === '-') {
        void flow.zoomOut({ duration: 150 });
      } else if (key === 'g') {
        const snap = !uiStore.getState().snapToGrid;
        uiStore.getState().set({ snapToGrid: snap });
        uiStore.getState().say(`Snap to grid ${snap ? 'on' : 'off'}.`);
      } else if (key === 't') {
        const current = THEMES.indexOf(uiStore.getState().theme);
        uiStore.getState().set({ theme: THEMES[(current + 1) % THEMES.length]! });
      }
    };
    // The clipboard events carry the system clipboard without a permission prompt.
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (typingIn(e).text || window.getSelection()?.toString()) return;
      const text = selectionText(store);
      if (!text || !e.clipboardData) return;
      e.preventDefault();
      e.clipboardData.setData('text/plain', text);
      copied();
      const n = store.getState().selection.agents.length;
      if (cut) deleteSelection(store);
      uiStore.getState().say(`${cut ? 'Cut' : 'Copied'} ${n} agent(s).`);
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    const paste = (e: ClipboardEvent) => {
      if (typingIn(e).text) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (pasteText(store, text, canvasPointer())) e.preventDefault();
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
  }, [store, flow, layout]);
}

/** `H`: "hand off to…" from the one selected agent. */
function startHandoff(store: DesignerStore): void {
  const { doc, ids, selection } = store.getState();
  const [from, ...more] = agentNames(doc, ids, selection.agents);
  if (from === undefined || more.length > 0) {
    uiStore.getState().say('Select one agent to draw a handoff from it.');
  } else if (handoffTargets(doc, from).length === 0) {
    uiStore.getState().say(`${from} already hands off to every other agent.`);
  } else {
    pickerStore.getState().set({ handoffFrom: from, find: false });
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
function onEnter(store: DesignerStore, e: KeyboardEvent): void {
  const el = e.target as HTMLElement;
  const id = el.closest('.react-flow__edge')?.getAttribute('data-id');
  if (id && store.getState().ids.edges.includes(id)) {
    store.getState().select({ agents: [], edges: [id] });
    uiStore.getState().set({ editingEdge: id });
    e.preventDefault();
  }
}
