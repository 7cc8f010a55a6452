/** Which views of the document are shown, for components (`app.viewMode`). */
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { ViewMode } from '../../store/viewMode';

export type { ViewMode } from '../../store/viewMode';

export const useViewMode = (): ViewMode => useStore(useApp().viewMode, (s) => s.mode);
