import { useDesigner } from '../../store/hooks';
import { indexOfId } from '../../store/identity';
import { deleteSelection, duplicateSelection } from '../shell/commands';
import { AgentInspector } from './AgentInspector';
import { EdgeInspector } from './EdgeInspector';
import { ToolInspector } from './ToolInspector';
import { WorkflowInspector } from './WorkflowInspector';
import { useApp } from '../../app/appContext';

/** The side panel: what is selected (agent, handoff, tool), else the workflow's settings. */
export function Inspector() {
  const app = useApp();
  const doc = useDesigner((s) => s.doc);
  const ids = useDesigner((s) => s.ids);
  const selection = useDesigner((s) => s.selection);
  const { agents, edges, tool } = selection;
  let body;
  if (agents.length + edges.length > 1) {
    body = (
      <section className="inspector__body" aria-label="Selection">
        <header className="inspector__header">
          <span className="inspector__kind">Selection</span>
        </header>
        <p>
          {agents.length} agent(s) and {edges.length} handoff(s) selected.
        </p>
        <div className="inspector__actions">
          <button type="button" onClick={() => duplicateSelection(app)} disabled={!agents.length}>
            Duplicate
          </button>
          <button type="button" className="danger" onClick={() => deleteSelection(app)}>
            Delete
          </button>
        </div>
      </section>
    );
  } else if (agents.length === 1) {
    const id = agents[0]!;
    const agent = doc.agents[indexOfId(ids.agents, id)];
    if (agent) body = <AgentInspector key={id} id={id} agent={agent} />;
  } else if (edges.length === 1) {
    const id = edges[0]!;
    const index = indexOfId(ids.edges, id);
    const edge = doc.handoffs[index];
    if (edge) body = <EdgeInspector key={id} id={id} edge={edge} index={index} />;
  } else if (tool !== undefined) {
    const found = doc.tools.find((t) => t.name === tool);
    if (found) body = <ToolInspector key={tool} tool={found} />;
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      {body ?? <WorkflowInspector />}
    </aside>
  );
}
