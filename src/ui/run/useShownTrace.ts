/**
 * The trace the Run panel shows: the open workflow's run at the timeline cursor, or live — the
 * same trace the canvas overlay draws, by the same rule (`OpenRun.shownTrace`, src/runs/openRun.ts).
 */
import type { TraceState } from '../../trace';
import { useShownTraceState } from '../canvas/useTraceOverlay';

/** The trace state of the open workflow's run at the cursor (live when the cursor is null). */
export function useShownTrace(): TraceState {
  return useShownTraceState();
}
