/** The suite service's state for components, and loading the open workflow's latest result. */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { SuiteState } from '../../testing/testSuite';
import { useLibrary } from '../library/libraryStore';
import { useDesigner } from '../../store/hooks';

export function useSuite<T>(selector: (state: SuiteState) => T): T {
  return useStore(useApp().suites.state, selector);
}

const SETTLE_MS = 400;

/**
 * Shows the latest suite result of the open workflow at its version: on opening another
 * workflow, and when the document settles after an edit (a version of its own may have one).
 */
export function useLoadSuite(): void {
  const app = useApp();
  const id = useLibrary((s) => s.currentId);
  const doc = useDesigner((s) => s.doc);
  useEffect(() => {
    const timer = setTimeout(
      () => void app.suites.load(id, app.designer.getState().doc),
      SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [app, id, doc]);
}
