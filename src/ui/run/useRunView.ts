import { useSyncExternalStore } from 'react';
import type { RunView } from '../../runs';
import { appRunController } from './runContext';

/** The app's run session view; re-renders on every event of the shown run. */
export function useRunView(): RunView {
  const controller = appRunController();
  return useSyncExternalStore(controller.subscribe, controller.getView);
}
