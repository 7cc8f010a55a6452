/**
 * The trace the Run panel shows: the open workflow's run (./openRun.ts) as it was at the
 * timeline cursor, or live. The canvas
 * overlay reads the same trace through per-node slices (src/ui/canvas/useTraceOverlay.ts).
 */
import { useMemo } from 'react';
import type { TraceState } from '../../trace';
import { useRunUi } from './runContext';
import { useOpenRunView } from './openRun';

/**
 * The trace state of the open workflow's run at the cursor (live when the cursor is null);
 * re-renders on every event.
 */
export function useShownTrace(): TraceState {
  const view = useOpenRunView();
  const cursor = useRunUi((s) => s.cursor);
  const { timeline, version } = view;
  return useMemo(
    () => (cursor === null ? timeline.latest : timeline.stateAt(cursor)),
    // `version` changes whenever the (mutable) timeline grows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [timeline, version, cursor],
  );
}
