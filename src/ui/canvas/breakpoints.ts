/**
 * Breakpoints in React: read and toggled through the app's `RunBreakpoints` (src/runs/breakpoints.ts),
 * their one owner, which hands them to the run controller.
 */
import { useSyncExternalStore } from 'react';
import { useApp } from '../../app/appContext';

export function useAgentBreakpoint(agent: string): boolean {
  const { breakpoints } = useApp();
  return useSyncExternalStore(breakpoints.subscribe, () => breakpoints.hasAgent(agent));
}

export function useEdgeBreakpoint(source: string, target: string): boolean {
  const { breakpoints } = useApp();
  return useSyncExternalStore(breakpoints.subscribe, () => breakpoints.hasEdge(source, target));
}
