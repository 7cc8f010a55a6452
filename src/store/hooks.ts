/** React access to the designer store: a context (defaulting to the app's store) and selectors. */
import { createContext, useContext } from 'react';
import { useStoreWithEqualityFn } from 'zustand/traditional';
import { designerStore } from './appStore';
import type { DesignerState, DesignerStore } from './designerStore';

/** The store the components below read; the app's singleton unless a test or bench provides one. */
export const DesignerStoreContext = createContext<DesignerStore>(designerStore);

/** The store itself, for event handlers (`useDesignerStore().getState().apply(...)`). */
export function useDesignerStore(): DesignerStore {
  return useContext(DesignerStoreContext);
}

/**
 * A slice of the designer state; the component re-renders only when the slice changes
 * (by `Object.is`, or by `equalityFn`, e.g. zustand's `shallow`).
 */
export function useDesigner<T>(
  selector: (state: DesignerState) => T,
  equalityFn?: (a: T, b: T) => boolean,
): T {
  return useStoreWithEqualityFn(useContext(DesignerStoreContext), selector, equalityFn);
}
