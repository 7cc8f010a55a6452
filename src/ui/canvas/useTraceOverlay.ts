/**
 * The run trace on the canvas: each node and edge subscribes to its own slice of the shown trace
 * (the run at the timeline cursor, or live) and re-renders only when that slice changes, so an
 * event costs one reducer step plus the few nodes it touches, not a render of the whole graph.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import {
  initialTraceState,
  traceForAgent,
  traceForEdge,
  type AgentOverlay,
  type EdgeOverlay,
  type TraceState,
} from '../../trace';
import { useApp } from '../../app/appContext';

/**
 * The shown trace (`OpenRun.shownTrace`: the open workflow's run at the cursor, computed once per
 * change, not once per node) and a subscription that wakes when it may have changed.
 */
function useShownSource(): {
  subscribe: (listener: () => void) => () => void;
  get: () => TraceState;
} {
  const { openRun, runUi, testsUi } = useApp();
  const subscribe = useCallback(
    (listener: () => void) => {
      // openRun.subscribe wakes only when the shown run changes (not on every document change).
      const off = [
        openRun.subscribe(listener),
        runUi.subscribe(listener),
        testsUi.subscribe(listener),
      ];
      return () => off.forEach((f) => f());
    },
    [openRun, runUi, testsUi],
  );
  // The canvas test view (src/ui/tests) paints the suite instead of the run.
  const get = useCallback(
    () =>
      testsUi.getState().testView ? initialTraceState : openRun.shownTrace(runUi.getState().cursor),
    [openRun, runUi, testsUi],
  );
  return { subscribe, get };
}

/** `select` applied to the shown trace; the previous value is kept while `equal` says so. */
function useTraceSlice<T>(select: (state: TraceState) => T, equal: (a: T, b: T) => boolean): T {
  const { subscribe, get } = useShownSource();
  const last = useRef<{ value: T } | undefined>(undefined);
  const getSnapshot = () => {
    const next = select(get());
    if (last.current && equal(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

const sameAgent = (a: AgentOverlay, b: AgentOverlay) =>
  a.active === b.active &&
  a.streamingText === b.streamingText &&
  a.visits === b.visits &&
  a.modelCalls === b.modelCalls &&
  a.waiting === b.waiting &&
  a.forbidden === b.forbidden;

const sameEdge = (a: EdgeOverlay, b: EdgeOverlay) =>
  a.count === b.count && a.latest === b.latest && a.lastSeq === b.lastSeq;

/** The overlay of one agent node. */
export function useAgentOverlay(name: string): AgentOverlay {
  return useTraceSlice((state) => traceForAgent(state, name), sameAgent);
}

/** The overlay of one edge. */
export function useEdgeOverlay(source: string, target: string): EdgeOverlay {
  return useTraceSlice((state) => traceForEdge(state, source, target), sameEdge);
}

/** Every edge's trace and the latest handoff (for the sketch drawn when zoomed far out). */
export function useTraceEdges(): Pick<TraceState, 'edges' | 'lastHandoff'> {
  return useTraceSlice(
    (state) => ({ edges: state.edges, lastHandoff: state.lastHandoff }),
    (a, b) => a.edges === b.edges && a.lastHandoff === b.lastHandoff,
  );
}

/** The agent in control in the shown trace (for the camera), or undefined. */
export function useActiveAgent(): string | undefined {
  return useTraceSlice(
    (state) =>
      state.status === 'running' || state.status === 'waiting' ? state.activeAgent : undefined,
    (a, b) => a === b,
  );
}

/** The whole shown trace (for panels that list turns); re-renders on every shown change. */
export function useShownTraceState(): TraceState {
  const { subscribe, get } = useShownSource();
  return useSyncExternalStore(subscribe, get, get);
}
