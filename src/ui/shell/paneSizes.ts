/** The side panes' widths for components (`app.panes`, see `src/store/paneSizes.ts`). */
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { PaneId } from '../../store/paneSizes';

export { clampPane, PANE_LIMITS, type PaneId, type PaneSizes } from '../../store/paneSizes';

export function usePaneWidth(pane: PaneId): number {
  return useStore(useApp().panes, (s) => s.widths[pane]);
}
