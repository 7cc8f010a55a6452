/**
 * Breakpoints (a debugging aid, live only): pause before an agent's model call, or before a
 * handoff over an edge is taken; Continue, or Step (pause again before the next model call).
 * A pause here is not a request: nothing is checkpointed for it, and a run stopped or reloaded
 * at a breakpoint resumes from its last checkpoint, which precedes the paused step anyway.
 */
export interface Breakpoints {
  /** Pause before each model call of these agents. */
  agents?: readonly string[];
  /** Pause before a handoff from `source` to `target` is taken. */
  edges?: ReadonlyArray<{ source: string; target: string }>;
}

export class BreakpointGate {
  private agents = new Set<string>();
  private edges = new Set<string>();
  private stepping = false;
  private release: (() => void) | undefined;
  /** How the latest pause was left. */
  lastMode: 'continue' | 'step' = 'continue';

  constructor(breakpoints: Breakpoints = {}) {
    this.set(breakpoints);
  }

  /** Replaces the breakpoints (they may change while the run goes on). */
  set(breakpoints: Breakpoints): void {
    this.agents = new Set(breakpoints.agents ?? []);
    this.edges = new Set((breakpoints.edges ?? []).map((e) => `${e.source}\u0000${e.target}`));
  }

  /** Why to pause before `agent`'s model call, if at all. */
  beforeCall(agent: string): 'agent' | 'step' | undefined {
    if (this.agents.has(agent)) return 'agent';
    return this.stepping ? 'step' : undefined;
  }

  /** True when a breakpoint sits on the edge `from` → `to`. */
  beforeHandoff(from: string, to: string): boolean {
    return this.edges.has(`${from}\u0000${to}`);
  }

  get paused(): boolean {
    return this.release !== undefined;
  }

  /** Waits until `resume(…)` is called; rejects with an AbortError when `signal` aborts. */
  wait(signal: AbortSignal): Promise<void> {
    this.stepping = false;
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.release = undefined;
        const error = new Error('Stopped at a breakpoint.');
        error.name = 'AbortError';
        reject(error);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.release = () => {
        signal.removeEventListener('abort', onAbort);
        this.release = undefined;
        resolve();
      };
    });
  }

  /** Goes on from a breakpoint: to the next breakpoint, or (`step`) to the next model call. */
  resume(mode: 'continue' | 'step'): boolean {
    if (!this.release) return false;
    this.stepping = mode === 'step';
    this.lastMode = mode;
    this.release();
    return true;
  }
}
