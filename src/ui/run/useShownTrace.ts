/**
 * The trace the app shows: the run as it was at the timeline cursor, or live. This is what the
 * canvas overlay reads:
 *
 * ```tsx
 * const overlay = useAgentOverlay(agent.name);   // active, streamingText, visits, waiting, forbidden
 * const edge = useEdgeOverlay(source, target);   // count, crossings (with reasons), latest, lastSeq
 * ```
 */
import { useMemo } from 'react';
import {
  traceForAgent,
  traceForEdge,
  type AgentOverlay,
  type EdgeOverlay,
  type TraceState,
} from '../../trace';
import { useRunUi } from './runContext';
import { useRunView } from './useRunView';

/** The trace state at the cursor (live when the cursor is null). */
export function useShownTrace(): TraceState {
  const view = useRunView();
  const cursor = useRunUi((s) => s.cursor);
  const { timeline, version } = view;
  return useMemo(
    () => (cursor === null ? timeline.latest : timeline.stateAt(cursor)),
    // `version` changes whenever the (mutable) timeline grows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [timeline, version, cursor],
  );
}

/** The overlay of one agent node, at the cursor. */
export function useAgentOverlay(name: string): AgentOverlay {
  return traceForAgent(useShownTrace(), name);
}

/** The overlay of one edge, at the cursor. */
export function useEdgeOverlay(source: string, target: string): EdgeOverlay {
  return traceForEdge(useShownTrace(), source, target);
}
