import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { AGENT_TEMPLATES } from '../../model/edit';
import type { DesignerStore } from '../../store';
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
import { useLayout } from './useLayout';
import { fitCanvas } from '../canvas/fitCanvas';

/** Inputs where keys type text. Fields bound to the document still get the store's undo. */
function typing(target: EventTarget | null): { text: boolean; docField: boolean } {
  const el = target as HTMLElement | null;
  const text =
    !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
  return { text, docField: text && !!el?.closest('[data-doc-field]') };
}

const THEMES = ['system', 'light', 'dark'] as const;

/** Global keyboard shortcuts (see `shortcuts.ts`) and clipboard handling. */
export function useKeyboard(): void {
  const store = useDesignerStore();
  const flow = useReactFlow();
  const layout = useLayout();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { text, docField } = typing(e.target);
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
      if (mod && key === 'd') {
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
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        const at = pane
          ? flow.screenToFlowPosition({
              x: pane.left + pane.width / 2,
              y: pane.top + pane.height / 2,
            })
          : { x: 0, y: 0 };
        addAgentAt(store, AGENT_TEMPLATES[0]!.agent, { x: at.x - 120, y: at.y - 50 });
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
      if (typing(e.target).text || window.getSelection()?.toString()) return;
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
      if (typing(e.target).text) return;
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

/** Enter on a focused handoff edits its label in place. */
function onEnter(store: DesignerStore, e: KeyboardEvent): void {
  const el = e.target as HTMLElement;
  const id = el.closest('.react-flow__edge')?.getAttribute('data-id');
  if (id?.startsWith('edge:')) {
    const index = Number(id.slice(5));
    store.getState().select({ agents: [], edges: [index] });
    uiStore.getState().set({ editingEdge: index });
    e.preventDefault();
  }
}
