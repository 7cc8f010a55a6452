import { useEffect } from 'react';
import type { RunEvent } from '../../engine/events';
import type { TraceTimeline } from '../../trace';
import { ownsArrowKeys } from '../shell/focus';

interface Props {
  timeline: TraceTimeline;
  /** Events shown, or null for live (all). */
  cursor: number | null;
  onCursor(cursor: number | null): void;
}

/** One line about an event, for the timeline. */
export function describeEvent(e: RunEvent): string {
  switch (e.type) {
    case 'run_started':
      return 'Run started';
    case 'run_resumed':
      return `Resumed from ${e.checkpointId}`;
    case 'agent_started':
      return `${e.agent} is called`;
    case 'text_delta':
      return `${e.agent} streams “${e.delta.trim()}”`;
    case 'message':
      return `${e.agent} said its message`;
    case 'tool_call':
      return `${e.agent} calls ${e.name}`;
    case 'tool_result':
      return `${e.name} ${e.isError ? 'failed' : 'answered'}`;
    case 'handoff':
      return `Handoff ${e.from} → ${e.to}`;
    case 'input_requested':
      return `${e.agent} waits for your reply`;
    case 'user_message':
      return 'You wrote a message';
    case 'approval_requested':
      return `Approval asked for ${e.name}`;
    case 'approval_resolved':
      return e.approved ? 'Approved' : 'Rejected';
    case 'checkpoint_saved':
      return `Checkpoint ${e.checkpointId}`;
    case 'completed':
      return `Completed (${e.reason.replace(/_/g, ' ')})`;
    case 'warning':
      return `Warning: ${e.code}`;
    case 'failed':
      return `Failed: ${e.error.code}`;
    case 'stopped':
      return 'Stopped';
    case 'usage':
      return `${e.agent} used ${e.totalTokens} tokens`;
    case 'breakpoint':
      return e.kind === 'edge'
        ? `Breakpoint: before handoff ${e.agent} → ${e.to}`
        : `Breakpoint: before ${e.agent} is called${e.kind === 'step' ? ' (step)' : ''}`;
    case 'breakpoint_released':
      return e.mode === 'step' ? 'Step' : 'Continue';
    case 'model_retry':
      return `${e.agent}: retry in ${Math.ceil(e.waitMs / 1000)} s (${e.reason.replace(/_/g, ' ')})`;
  }
}

/**
 * The scrubber: the run as it was after any event. ←/→ step one event and Home/End go to the
 * start and the latest, wherever the focus is, except in a field, a slider or a list (which use
 * those keys themselves) and on an agent of the canvas (where arrows move the selected agents).
 */
export function Timeline({ timeline, cursor, onCursor }: Props) {
  const total = timeline.length;
  const at = cursor ?? total;
  useStepKeys(total, at, onCursor);
  if (total === 0) return null;
  const event = at > 0 ? timeline.events[at - 1] : undefined;
  const go = (k: number) => onCursor(k >= total ? null : Math.max(0, k));
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline__row">
        <button type="button" aria-label="Step back" onClick={() => go(at - 1)} disabled={at === 0}>
          ←
        </button>
        <input
          type="range"
          aria-label="Event"
          min={0}
          max={total}
          step={1}
          value={at}
          onChange={(e) => go(Number(e.target.value))}
        />
        <button
          type="button"
          aria-label="Step forward"
          onClick={() => go(at + 1)}
          disabled={at >= total}
        >
          →
        </button>
        <button
          type="button"
          onClick={() => onCursor(null)}
          disabled={cursor === null}
          title="Show the latest event"
        >
          Latest
        </button>
      </div>
      <p className="timeline__label" aria-live="polite">
        <span className="timeline__count">
          {at} / {total}
        </span>{' '}
        {event ? describeEvent(event) : 'Before the first event'}
        {cursor !== null && <span className="timeline__past"> · as it was</span>}
      </p>
    </section>
  );
}

/** ←/→/Home/End anywhere on the page step the shown run (see `Timeline`). */
function useStepKeys(total: number, at: number, onCursor: (cursor: number | null) => void) {
  useEffect(() => {
    if (total === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      const to =
        e.key === 'ArrowLeft'
          ? at - 1
          : e.key === 'ArrowRight'
            ? at + 1
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? total
                : undefined;
      if (to === undefined || ownsArrowKeys(e)) return;
      e.preventDefault();
      onCursor(to >= total ? null : Math.max(0, to));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [total, at, onCursor]);
}
