/**
 * The canvas test view for nodes and edges: each subscribes to its own slice of the suite's
 * `TestView` (src/testing/testView.ts) and re-renders only when that slice changes, so a
 * finished sample costs a map lookup per mounted edge, not a render of the graph.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useApp } from '../../app/appContext';
import type { EdgeTone, TestView } from '../../testing/testView';

/** The view shown on the canvas, or undefined (test view off, or no result). */
function useViewSource(): {
  subscribe: (listener: () => void) => () => void;
  get: () => TestView | undefined;
} {
  const { suites, testsUi } = useApp();
  const subscribe = useCallback(
    (listener: () => void) => {
      const off = [suites.state.subscribe(listener), testsUi.subscribe(listener)];
      return () => off.forEach((f) => f());
    },
    [suites, testsUi],
  );
  const get = useCallback(
    () => (testsUi.getState().testView ? suites.state.getState().view : undefined),
    [suites, testsUi],
  );
  return { subscribe, get };
}

function useViewSlice<T>(
  select: (view: TestView | undefined) => T,
  equal: (a: T, b: T) => boolean,
): T {
  const { subscribe, get } = useViewSource();
  const last = useRef<{ value: T } | undefined>(undefined);
  const getSnapshot = () => {
    const next = select(get());
    if (last.current && equal(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

export interface EdgeMark {
  tone: EdgeTone;
  taken: number;
  expected: number;
  samples: number;
  avoidedButTaken: number;
}

const sameEdgeMark = (a: EdgeMark | undefined, b: EdgeMark | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.tone === b.tone &&
    a.taken === b.taken &&
    a.expected === b.expected &&
    a.samples === b.samples &&
    a.avoidedButTaken === b.avoidedButTaken);

/** How the suite used the edge `source → target`, while the test view is on. */
export function useTestEdge(source: string, target: string): EdgeMark | undefined {
  return useViewSlice((view) => {
    if (!view) return undefined;
    const s = view.edge(source, target);
    return {
      tone: view.tone(source, target),
      taken: s.taken,
      expected: s.expected,
      samples: view.samples,
      avoidedButTaken: s.avoidedButTaken,
    };
  }, sameEdgeMark);
}

export interface AgentMark {
  reached: number;
  unexpected: number;
  samples: number;
}

const sameAgentMark = (a: AgentMark | undefined, b: AgentMark | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.reached === b.reached &&
    a.unexpected === b.unexpected &&
    a.samples === b.samples);

/** How often the suite reached the agent, and how often unexpectedly. */
export function useTestAgent(name: string): AgentMark | undefined {
  return useViewSlice((view) => {
    if (!view) return undefined;
    return { ...view.agent(name), samples: view.samples };
  }, sameAgentMark);
}

/** True while the canvas shows the test view (the run's trace is hidden meanwhile). */
export function useTestViewOn(): boolean {
  return useViewSlice((view) => view !== undefined, Object.is);
}

/** The whole view for panels (re-renders on every finished sample). */
export function useTestViewVersion(): TestView | undefined {
  const view = useViewSlice(
    (v) => (v ? { v, version: v.version } : undefined),
    (a, b) => a?.v === b?.v && a?.version === b?.version,
  );
  return view?.v;
}
