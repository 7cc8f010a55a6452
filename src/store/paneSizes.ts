/**
 * Widths of the workspace's side panes (the inspector column and the Run dock), chosen with
 * their splitters and kept in `prefs`. No React here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Prefs } from './prefs';

export type PaneId = 'sidebar' | 'run';

/** The limits of each pane, in px; the default depends on the window's width. */
export const PANE_LIMITS: Record<PaneId, { min: number; max: number; share: number }> = {
  sidebar: { min: 260, max: 640, share: 0.24 },
  run: { min: 280, max: 760, share: 0.27 },
};

const KEY = 'handoff-studio.panes';

export function clampPane(pane: PaneId, width: number): number {
  const { min, max } = PANE_LIMITS[pane];
  return Math.round(Math.max(min, Math.min(max, width)));
}

function defaultWidth(pane: PaneId, windowWidth: number): number {
  // Up to 400 px (sidebar) / 440 px (run) on a large screen; their minimum on a small one.
  return clampPane(
    pane,
    Math.min(pane === 'sidebar' ? 400 : 440, windowWidth * PANE_LIMITS[pane].share),
  );
}

function stored(prefs: Prefs): Partial<Record<PaneId, number>> {
  try {
    const value: unknown = JSON.parse(prefs.get(KEY) ?? '{}');
    if (!value || typeof value !== 'object') return {};
    const out: Partial<Record<PaneId, number>> = {};
    for (const pane of ['sidebar', 'run'] as const) {
      const width = (value as Record<string, unknown>)[pane];
      if (typeof width === 'number' && Number.isFinite(width)) out[pane] = clampPane(pane, width);
    }
    return out;
  } catch {
    return {};
  }
}

export interface PaneSizes {
  widths: Record<PaneId, number>;
  resize(pane: PaneId, width: number): void;
}

export type PaneSizesStore = StoreApi<PaneSizes>;

/** The panes' widths: the stored ones, else a share of `windowWidth`. */
export function createPaneSizesStore(prefs: Prefs, windowWidth: number): PaneSizesStore {
  const initial = stored(prefs);
  const store = createStore<PaneSizes>()((set) => ({
    widths: {
      sidebar: initial.sidebar ?? defaultWidth('sidebar', windowWidth),
      run: initial.run ?? defaultWidth('run', windowWidth),
    },
    resize: (pane, width) =>
      set((s) => ({ widths: { ...s.widths, [pane]: clampPane(pane, width) } })),
  }));
  store.subscribe((state, previous) => {
    if (state.widths !== previous.widths) prefs.set(KEY, JSON.stringify(state.widths));
  });
  return store;
}
