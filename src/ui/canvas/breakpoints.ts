/**
 * Breakpoints set in the designer: on agents (pause before their model calls) and on edges
 * (pause before that handoff is taken). Kept per page (a debugging aid, not part of the
 * document) and handed to the run controller whenever they change.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { appRunController } from '../run/runContext';

interface BreakpointState {
  agents: ReadonlySet<string>;
  /** `source\u0000target` */
  edges: ReadonlySet<string>;
}

const key = (source: string, target: string) => `${source}\u0000${target}`;

export const breakpointStore = createStore<BreakpointState>()(() => ({
  agents: new Set(),
  edges: new Set(),
}));

breakpointStore.subscribe(({ agents, edges }) => {
  appRunController().setBreakpoints({
    agents: [...agents],
    edges: [...edges].map((k) => {
      const [source = '', target = ''] = k.split('\u0000');
      return { source, target };
    }),
  });
});

export function toggleAgentBreakpoint(agent: string): void {
  breakpointStore.setState(({ agents }) => {
    const next = new Set(agents);
    if (!next.delete(agent)) next.add(agent);
    return { agents: next };
  });
}

export function toggleEdgeBreakpoint(source: string, target: string): void {
  breakpointStore.setState(({ edges }) => {
    const next = new Set(edges);
    if (!next.delete(key(source, target))) next.add(key(source, target));
    return { edges: next };
  });
}

export const useAgentBreakpoint = (agent: string): boolean =>
  useStore(breakpointStore, (s) => s.agents.has(agent));

export const useEdgeBreakpoint = (source: string, target: string): boolean =>
  useStore(breakpointStore, (s) => s.edges.has(key(source, target)));
