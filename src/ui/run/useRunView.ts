import { useSyncExternalStore } from 'react';
import { useApp } from '../../app/appContext';
import type { RunView } from '../../runs';

/** The app's run session view; re-renders on every event of the shown run. */
export function useRunView(): RunView {
  const controller = useApp().runs;
  return useSyncExternalStore(controller.subscribe, controller.getView);
}
