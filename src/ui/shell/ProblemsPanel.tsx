import { useReactFlow } from '@xyflow/react';
import type { ValidationIssue } from '../../model';
import { agentIdOf } from '../../store/identity';
import { useDesigner, useDesignerStore } from '../../store/hooks';

const ICON = { error: '✖', warning: '▲', info: 'i' } as const;

/**
 * Every validation issue of the document, errors first. Clicking one selects the agent, handoff
 * or tool it is about and centres it on the canvas; a settings issue opens the workflow settings.
 * An issue names an agent, and its path says which one (`agents[2]…`): with two agents of one
 * name, the path's is selected, by its view id at the time of the click.
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
    const { doc, ids, select } = store.getState();
    if (issue.edge) {
      const id = ids.edges[issue.edge.index];
      select({ agents: [], edges: id === undefined ? [] : [id] });
      const ends = [issue.edge.source, issue.edge.target].flatMap((n) => {
        const node = agentIdOf(doc, ids, n);
        return node === undefined ? [] : [{ id: node }];
      });
      if (ends.length) void flow.fitView({ nodes: ends, duration: 300, maxZoom: 1 });
      return;
    }
    const at = /^agents\[(\d+)\]/.exec(issue.path);
    const atIndex = at ? Number(at[1]) : -1;
    const agentId =
      issue.agent === undefined
        ? undefined
        : doc.agents[atIndex]?.name === issue.agent
          ? ids.agents[atIndex]
          : agentIdOf(doc, ids, issue.agent);
    if (agentId !== undefined) {
      select({ agents: [agentId], edges: [] });
      const node = flow.getInternalNode(agentId);
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
