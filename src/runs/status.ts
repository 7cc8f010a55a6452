/**
 * What the Run panel says a run is doing: one function for the title chip, the run header and
 * the past runs list, from what is known of the run, in the one status vocabulary
 * (`RunStatus`, src/engine/runStatus.ts). The trace of a shown run knows most (a pause at a
 * breakpoint, a request waiting); a listed run that is not shown has only its listed status.
 */
import type { ListedRunStatus, RunStatus } from '../engine/runStatus';
import type { TraceState } from '../trace';

/** A status as said to the person, and its tone (the `run-state--<tone>` class). */
export interface RunStatusText {
  text: string;
  tone: string;
}

/** What is known of a run: its trace when it is shown, else its listed status. */
export interface RunStatusSource {
  trace?: Pick<TraceState, 'status' | 'breakpoint'>;
  status?: ListedRunStatus;
  /** Stored as running with no handle in this page: a reload or a closed tab cut it off. */
  interrupted?: boolean;
}

/** Every status in words: the only place they are written. */
const WORDS: Record<RunStatus, RunStatusText> = {
  idle: { text: 'starting', tone: 'running' },
  running: { text: 'running', tone: 'running' },
  live: { text: 'running', tone: 'running' },
  waiting: { text: 'waiting for you', tone: 'waiting' },
  paused: { text: 'waiting for you', tone: 'waiting' },
  completed: { text: 'completed', tone: 'completed' },
  failed: { text: 'failed', tone: 'failed' },
  stopped: { text: 'stopped', tone: 'stopped' },
  interrupted: { text: 'interrupted', tone: 'interrupted' },
};

const AT_BREAKPOINT: RunStatusText = { text: 'paused at breakpoint', tone: 'paused' };

/** The run's status in words. */
export function runStatus({ trace, status, interrupted }: RunStatusSource): RunStatusText {
  if (interrupted || status === 'interrupted') return WORDS.interrupted;
  if (trace) {
    const going = trace.status === 'running' || trace.status === 'waiting';
    return going && trace.breakpoint ? AT_BREAKPOINT : WORDS[trace.status];
  }
  return WORDS[status ?? 'running'];
}
