/**
 * The trace the app shows: the run as it was at the timeline cursor, or live. This is what the
 * canvas overlay reads. Each node or edge subscribes to its own overlay and re-renders only when
 * that overlay changes (not on every streamed word of another agent):
 *
 * ```tsx
 * const overlay = useAgentOverlay(agent.name); // active, streamingText, visits, waiting, forbidden
 * const edge = useEdgeOverlay(source, target); // count, crossings (with reasons), latest, lastSeq
 * const follow = useActiveAgent();             // the agent a following camera centres, or undefined
 * ```
 */
import { useMemo, useRef, useSyncExternalStore } from 'react';
import {
  sameAgentOverlay,
  sameEdgeOverlay,
  traceForAgent,
  traceForEdge,
  type AgentOverlay,
  type EdgeOverlay,
  type TraceState,
} from '../../trace';
import { appRunController, runUiStore, useRunUi } from './runContext';
import { useRunView } from './useRunView';

/** The shown trace state, outside React. */
export function shownTrace(): TraceState {
  const { timeline } = appRunController().getView();
  const { cursor } = runUiStore.getState();
  return cursor === null ? timeline.latest : timeline.stateAt(cursor);
}

/** Calls `listener` whenever the shown trace may have changed (an event, a cursor move). */
export function subscribeShownTrace(listener: () => void): () => void {
  const offRun = appRunController().subscribe(listener);
  const offUi = runUiStore.subscribe((state, previous) => {
    if (state.cursor !== previous.cursor) listener();
  });
  return () => {
    offRun();
    offUi();
  };
}

/** The trace state at the cursor (live when the cursor is null); re-renders on every event. */
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

/** A slice of the shown trace that keeps its identity while `same` says it did not change. */
function useShownSlice<T>(read: (state: TraceState) => T, same: (a: T, b: T) => boolean): T {
  const cache = useRef<T | undefined>(undefined);
  const getSnapshot = () => {
    const next = read(shownTrace());
    if (cache.current !== undefined && same(cache.current, next)) return cache.current;
    cache.current = next;
    return next;
  };
  return useSyncExternalStore(subscribeShownTrace, getSnapshot);
}

/** The overlay of one agent node, at the cursor. */
export function useAgentOverlay(name: string): AgentOverlay {
  return useShownSlice((s) => traceForAgent(s, name), sameAgentOverlay);
}

/** The overlay of one edge, at the cursor. */
export function useEdgeOverlay(source: string, target: string): EdgeOverlay {
  return useShownSlice((s) => traceForEdge(s, source, target), sameEdgeOverlay);
}

/** The agent in control of a live, followed run (for a camera that follows it), else undefined. */
export function useActiveAgent(): string | undefined {
  return useShownSlice(
    (s) => (s.status === 'running' || s.status === 'waiting' ? s.activeAgent : undefined),
    (a, b) => a === b,
  );
}
