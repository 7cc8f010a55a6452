import { useReactFlow } from '@xyflow/react';
import type { ValidationIssue } from '../../model';
import { useDesigner, useDesignerStore } from '../../store/hooks';

const ICON = { error: '✖', warning: '▲', info: 'i' } as const;

/**
 * Every validation issue of the document, errors first. Clicking one selects the agent, handoff
 * or tool it is about and centres it on the canvas; a settings issue opens the workflow settings.
 */
export function ProblemsPanel() {
  const issues = useDesigner((s) => s.issues);
  const focus = useFocusIssue();
  const counts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return (
    <section className="problems" aria-label="Problems">
      <h2>
        Problems{' '}
        <span className="problems__counts">
          <span className="problem-count problem-count--error">{counts.error} ✖</span>
          <span className="problem-count problem-count--warning">{counts.warning} ▲</span>
          <span className="problem-count problem-count--info">{counts.info} i</span>
        </span>
      </h2>
      {issues.length === 0 ? (
        <p className="problems__empty">No problems found.</p>
      ) : (
        <ul>
          {issues.map((issue, i) => (
            <li key={i}>
              <button
                type="button"
                className={`problem problem--${issue.severity}`}
                onClick={() => focus(issue)}
              >
                <span className="problem__icon" aria-label={issue.severity}>
                  {ICON[issue.severity]}
                </span>
                <span>
                  <span className="problem__message">{issue.message}</span>
                  <code className="problem__where">
                    {issue.code}
                    {issue.path && ` · ${issue.path}`}
                  </code>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Selects what an issue is about and centres it on the canvas. */
export function useFocusIssue() {
  const store = useDesignerStore();
  const flow = useReactFlow();
  return (issue: ValidationIssue) => {
    const { doc, select } = store.getState();
    if (issue.edge) {
      select({ agents: [], edges: [issue.edge.index] });
      const ends = [issue.edge.source, issue.edge.target].filter((n) =>
        doc.agents.some((a) => a.name === n),
      );
      if (ends.length)
        void flow.fitView({ nodes: ends.map((id) => ({ id })), duration: 300, maxZoom: 1 });
      return;
    }
    if (issue.agent !== undefined && doc.agents.some((a) => a.name === issue.agent)) {
      select({ agents: [issue.agent], edges: [] });
      const node = flow.getInternalNode(issue.agent);
      if (node) {
        const { x, y } = node.internals.positionAbsolute;
        const w = node.measured.width ?? 240;
        const h = node.measured.height ?? 100;
        void flow.setCenter(x + w / 2, y + h / 2, {
          zoom: Math.max(flow.getZoom(), 0.8),
          duration: 300,
        });
      }
      return;
    }
    const tool = /^tools\[(\d+)\]/.exec(issue.path);
    const toolName = tool ? doc.tools[Number(tool[1])]?.name : undefined;
    select(
      toolName !== undefined
        ? { agents: [], edges: [], tool: toolName }
        : { agents: [], edges: [] },
    );
  };
}
