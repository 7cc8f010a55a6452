/**
 * What the Run panel says a run is doing: one function for the title chip, the run header and
 * the past runs list, from what is known of the run. The trace of a shown run knows most (a
 * pause at a breakpoint, a request waiting); a listed run that is not shown has only its
 * stored status (`RunState`).
 */
import type { TraceState } from '../trace';
import type { RunState } from './runList';

/** A status as said to the person, and its tone (the `run-state--<tone>` class). */
export interface RunStatusText {
  text: string;
  tone: string;
}

/** What is known of a run: its trace when it is shown, else its listed state. */
export interface RunStatusSource {
  trace?: Pick<TraceState, 'status' | 'breakpoint'>;
  state?: RunState;
  /** Stored as running with no handle in this page: a reload or a closed tab cut it off. */
  interrupted?: boolean;
}

const TRACE: Record<TraceState['status'], RunStatusText> = {
  idle: { text: 'starting', tone: 'running' },
  running: { text: 'running', tone: 'running' },
  waiting: { text: 'waiting for you', tone: 'waiting' },
  completed: { text: 'completed', tone: 'completed' },
  failed: { text: 'failed', tone: 'failed' },
  stopped: { text: 'stopped', tone: 'stopped' },
};

const STORED: Record<RunState, RunStatusText> = {
  live: TRACE.running,
  running: TRACE.running,
  paused: TRACE.waiting,
  completed: TRACE.completed,
  failed: TRACE.failed,
  stopped: TRACE.stopped,
  interrupted: { text: 'interrupted', tone: 'interrupted' },
};

/** The run's status in words. */
export function runStatus({ trace, state, interrupted }: RunStatusSource): RunStatusText {
  if (interrupted || state === 'interrupted') return STORED.interrupted;
  if (trace) {
    const going = trace.status === 'running' || trace.status === 'waiting';
    if (going && trace.breakpoint) return { text: 'paused at breakpoint', tone: 'paused' };
    return TRACE[trace.status];
  }
  return STORED[state ?? 'running'];
}
