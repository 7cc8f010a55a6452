/** React access to the designer store: a context (filled by `<AppProvider>`) and selectors. */
import { createContext, useContext } from 'react';
import { useStoreWithEqualityFn } from 'zustand/traditional';
import { HandoffStudioError } from '../engine/errors';
import type { DesignerState, DesignerStore } from './designerStore';

/** The store the components below read: the app's (`<AppProvider>`), or a test's or bench's. */
export const DesignerStoreContext = createContext<DesignerStore | undefined>(undefined);

/** The store itself, for event handlers (`useDesignerStore().getState().apply(...)`). */
export function useDesignerStore(): DesignerStore {
  const store = useContext(DesignerStoreContext);
  if (!store) {
    throw new HandoffStudioError(
      'internal_error',
      'The designer store was read outside <AppProvider> (or a DesignerStoreContext provider): there is no global store to fall back to.',
    );
  }
  return store;
}

/**
 * A slice of the designer state; the component re-renders only when the slice changes
 * (by `Object.is`, or by `equalityFn`, e.g. zustand's `shallow`).
 */
export function useDesigner<T>(
  selector: (state: DesignerState) => T,
  equalityFn?: (a: T, b: T) => boolean,
): T {
  return useStoreWithEqualityFn(useDesignerStore(), selector, equalityFn);
}
