/**
 * A run's events with the trace state at any point, for stepping: a snapshot of the (immutable)
 * state is kept every `interval` events, so the state after event k is the nearest snapshot
 * plus fewer than `interval` reductions, whatever the run's length. The snapshots share almost
 * everything (plist.ts), so they cost little memory.
 */
import type { RunEvent } from '../engine/events';
import { initialTraceState, reduceTrace } from './reduce';
import type { TraceState } from './types';

/** Default distance between snapshots, in events. */
export const SNAPSHOT_INTERVAL = 64;

export class TraceTimeline {
  private readonly log: RunEvent[] = [];
  /** snapshots[i]: the state after the first i × interval events. */
  private readonly snapshots: TraceState[] = [initialTraceState];
  private current: TraceState = initialTraceState;
  /** The last state computed by `stateAt`, so stepping forward continues from it. */
  private cursor: { count: number; state: TraceState } = { count: 0, state: initialTraceState };

  constructor(
    events: Iterable<RunEvent> = [],
    private readonly interval = SNAPSHOT_INTERVAL,
  ) {
    for (const event of events) this.append(event);
  }

  /** Number of events. */
  get length(): number {
    return this.log.length;
  }

  get events(): readonly RunEvent[] {
    return this.log;
  }

  /** The state after every event. */
  get latest(): TraceState {
    return this.current;
  }

  /**
   * Adds an event. One whose seq does not follow the last (a resume from an earlier checkpoint
   * continues at that checkpoint's seq) first drops the events from that seq on, as the store
   * does: the abandoned future disappears from the timeline too.
   */
  append(event: RunEvent): TraceState {
    const lastEvent = this.log[this.log.length - 1];
    if (lastEvent && event.seq <= lastEvent.seq) this.truncate(this.indexOfSeq(event.seq));
    this.log.push(event);
    this.current = reduceTrace(this.current, event);
    if (this.log.length % this.interval === 0) this.snapshots.push(this.current);
    return this.current;
  }

  /** The state after the first `count` events (clamped to [0, length]). */
  stateAt(count: number): TraceState {
    const k = Math.max(0, Math.min(Math.floor(count), this.log.length));
    if (k === this.log.length) return this.current;
    const block = Math.floor(k / this.interval);
    const from =
      this.cursor.count <= k && Math.floor(this.cursor.count / this.interval) === block
        ? this.cursor
        : { count: block * this.interval, state: this.snapshots[block]! };
    let state = from.state;
    for (let i = from.count; i < k; i++) state = reduceTrace(state, this.log[i]!);
    this.cursor = { count: k, state };
    return state;
  }

  /** The position (0-based index) of the first event with `seq` ≥ the given seq. */
  indexOfSeq(seq: number): number {
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.log[mid]!.seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Keeps the first `count` events. */
  truncate(count: number): void {
    if (count >= this.log.length) return;
    const k = Math.max(0, count);
    this.log.length = k;
    this.snapshots.length = Math.floor(k / this.interval) + 1;
    const block = Math.floor(k / this.interval);
    let state = this.snapshots[block]!;
    for (let i = block * this.interval; i < k; i++) state = reduceTrace(state, this.log[i]!);
    this.current = state;
    this.cursor = { count: 0, state: initialTraceState };
  }
}
