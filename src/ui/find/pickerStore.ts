/** Which agent picker is open, for components (`app.picker`, see `src/store/pickerState.ts`). */
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { PickerState } from '../../store/pickerState';

export function usePicker<T>(selector: (state: PickerState) => T): T {
  return useStore(useApp().picker, selector);
}
