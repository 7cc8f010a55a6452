import { memo } from 'react';
import type { AgentOverlay } from '../../trace';

const STREAM_TAIL = 140;

/**
 * What a run shows on an agent node: visits, waiting marks, forbidden handoff attempts, and the
 * text it is streaming now. Nothing when the agent has not taken part.
 */
export const AgentTrace = memo(function AgentTrace({ overlay }: { overlay: AgentOverlay }) {
  const { visits, waiting, forbidden, streamingText, active } = overlay;
  if (!overlay.visited && forbidden.length === 0 && !active) return null;
  const tail =
    streamingText.length > STREAM_TAIL ? `…${streamingText.slice(-STREAM_TAIL)}` : streamingText;
  return (
    <div className="agent-trace" aria-live={active ? 'polite' : undefined}>
      <div className="agent-trace__marks">
        {visits > 0 && (
          <span className="trace-badge" title={`Gained control ${visits} time(s)`}>
            visited ×{visits}
          </span>
        )}
        {waiting === 'input' && (
          <span className="trace-badge trace-badge--waiting">waiting for input</span>
        )}
        {waiting === 'approval' && (
          <span className="trace-badge trace-badge--waiting">awaiting approval</span>
        )}
        {forbidden.length > 0 && (
          <span
            className="trace-badge trace-badge--forbidden"
            title={forbidden.map((f) => `Tried ${f.tool}: not an edge of this graph`).join('\n')}
          >
            ⊘ {forbidden.length} forbidden handoff{forbidden.length > 1 ? 's' : ''}
          </span>
        )}
      </div>
      {tail && <p className="agent-trace__stream">{tail}</p>}
    </div>
  );
});
