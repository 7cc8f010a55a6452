/**
 * The designer's breakpoints, owned here and only here: on agents (pause before their model
 * calls) and on edges (pause before that handoff is taken). Held in the engine's own encoding
 * (`Breakpoints`), given to the run controller whenever they change (live only: a debugging aid,
 * never stored with the document or the run). The UI reads and toggles them through this object.
 */
import type { Breakpoints } from '../engine/breakpoints';

/** Where the breakpoints go when they change (the run controller's `setBreakpoints`). */
export interface BreakpointSink {
  setBreakpoints(breakpoints: Breakpoints): void;
}

export class RunBreakpoints {
  private value: Required<Breakpoints> = { agents: [], edges: [] };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly sink: BreakpointSink) {}

  /** The breakpoints now (a new object after every change). */
  get = (): Required<Breakpoints> => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  hasAgent(agent: string): boolean {
    return this.value.agents.includes(agent);
  }

  hasEdge(source: string, target: string): boolean {
    return this.value.edges.some((e) => e.source === source && e.target === target);
  }

  toggleAgent(agent: string): void {
    const { agents } = this.value;
    this.set({
      ...this.value,
      agents: agents.includes(agent) ? agents.filter((a) => a !== agent) : [...agents, agent],
    });
  }

  toggleEdge(source: string, target: string): void {
    const { edges } = this.value;
    const on = this.hasEdge(source, target);
    this.set({
      ...this.value,
      edges: on
        ? edges.filter((e) => e.source !== source || e.target !== target)
        : [...edges, { source, target }],
    });
  }

  private set(value: Required<Breakpoints>): void {
    this.value = value;
    this.sink.setBreakpoints(value);
    for (const listener of [...this.listeners]) listener();
  }
}
