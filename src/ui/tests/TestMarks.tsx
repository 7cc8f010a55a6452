import { memo } from 'react';
import './testView.css';
import { useTestAgent, useTestEdge } from './useTestView';

/** The test view's mark on an edge label: taken in how many samples, expected in how many. */
export const TestEdgeBadge = memo(function TestEdgeBadge({
  source,
  target,
}: {
  source: string;
  target: string;
}) {
  const mark = useTestEdge(source, target);
  if (!mark || mark.tone === 'idle') return null;
  const text =
    mark.expected > 0 ? `${mark.taken}/${mark.expected} expected` : `${mark.taken}/${mark.samples}`;
  const title =
    `Taken in ${mark.taken} of ${mark.samples} sample(s); expected by ${mark.expected}` +
    (mark.avoidedButTaken > 0
      ? `; taken ${mark.avoidedButTaken} time(s) where a case avoids it`
      : '');
  return (
    <span
      className={`test-edge-badge test-edge-badge--${mark.tone}`}
      title={title}
      data-test-tone={mark.tone}
    >
      {text}
    </span>
  );
});

/** The test view's mark on an agent: reached in how many samples, unexpectedly in how many. */
export const TestAgentBadge = memo(function TestAgentBadge({ name }: { name: string }) {
  const mark = useTestAgent(name);
  if (!mark || mark.reached === 0) return null;
  return (
    <div className="test-agent">
      <span
        className="trace-badge"
        title={`Reached in ${mark.reached} of ${mark.samples} sample(s)`}
      >
        reached {mark.reached}/{mark.samples}
      </span>
      {mark.unexpected > 0 && (
        <span
          className="trace-badge test-agent--unexpected"
          title="Reached by samples whose case does not expect this agent"
          data-testid="unexpected-agent"
        >
          ⚠ unexpected ×{mark.unexpected}
        </span>
      )}
    </div>
  );
});

/** The class an edge's path gets in the test view. */
export function testEdgeClass(tone: string | undefined): string {
  return tone ? ` edge-handoff--test edge-handoff--test-${tone}` : '';
}
