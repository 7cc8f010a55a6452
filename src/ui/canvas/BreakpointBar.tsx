import { Panel } from '@xyflow/react';
import { useApp } from '../../app/appContext';
import { useRunUi } from '../run/runContext';
import { useShownTraceState } from './useTraceOverlay';

/** While the live run waits at a breakpoint: where, and Continue / Step. */
export function BreakpointBar() {
  const state = useShownTraceState();
  const { runs } = useApp();
  // Stepping back through the timeline shows old pauses; only the live one can be released.
  const live = useRunUi((s) => s.cursor === null);
  const at = state.breakpoint;
  if (!at || !live) return null;
  const where =
    at.kind === 'edge'
      ? `before the handoff ${at.agent} → ${at.to}`
      : `before ${at.agent}'s model call${at.kind === 'step' ? ' (step)' : ''}`;
  return (
    <Panel
      position="top-center"
      className="breakpoint-bar"
      role="region"
      aria-label="Paused at a breakpoint"
    >
      <span className="breakpoint-bar__dot" aria-hidden="true" />
      Paused {where}
      <button type="button" onClick={() => runs.release('continue')}>
        Continue
      </button>
      <button
        type="button"
        title="Go on and pause again before the next model call"
        onClick={() => runs.release('step')}
      >
        Step
      </button>
    </Panel>
  );
}
