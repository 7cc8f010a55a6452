import { useId } from 'react';
import { addTool, setAgentTool } from '../../model/edit';
import type { Tool } from '../../model';
import { onAgent } from '../../store/byId';
import { useDesigner, useDesignerStore } from '../../store/hooks';

/** Tool checkboxes (with approval marks), a link to each tool and a "New tool" button. */
export function ToolPicker({
  title,
  tools,
  checked,
  onToggle,
}: {
  title: string;
  tools: readonly Tool[];
  /** Without `checked`/`onToggle` the list only shows how many agents use each tool. */
  checked?: (tool: string) => boolean;
  onToggle?: (tool: string, on: boolean) => void;
}) {
  const doc = useDesigner((s) => s.doc);
  const store = useDesignerStore();
  const selection = useDesigner((s) => s.selection);
  const id = useId();
  const newTool = () => {
    const agent = selection.agents.length === 1 ? selection.agents[0] : undefined;
    let created = '';
    const result = store.getState().apply(
      (d, ids) => {
        const { doc, name } = addTool(d, { name: 'new_tool' });
        created = name;
        // `agent` is a view id; adding a tool leaves the agents (and their ids) as they are.
        return agent ? onAgent(agent, (x, n) => setAgentTool(x, n, name, true))(doc, ids) : doc;
      },
      { label: 'New tool' },
    );
    if (result.ok) store.getState().select({ agents: [], edges: [], tool: created });
  };
  return (
    <fieldset className="inspector__group">
      <legend>{title}</legend>
      {tools.length === 0 && <p className="field__hint">No tools yet.</p>}
      <ul className="tool-list">
        {tools.map((tool) => (
          <li key={tool.name}>
            {checked && onToggle && (
              <input
                type="checkbox"
                id={`${id}-${tool.name}`}
                checked={checked(tool.name)}
                onChange={(e) => onToggle(tool.name, e.target.checked)}
              />
            )}
            <label htmlFor={checked ? `${id}-${tool.name}` : undefined}>
              {tool.name}
              {!checked && (
                <span className="field__hint">
                  {' '}
                  · {doc.agents.filter((a) => a.tools.includes(tool.name)).length} agent(s)
                </span>
              )}
              {tool.approval === 'always_require' && (
                <span className="badge badge--approval" title="A person approves every call">
                  approval
                </span>
              )}
            </label>
            <button
              type="button"
              className="link-button"
              aria-label={`Edit tool ${tool.name}`}
              onClick={() => store.getState().select({ agents: [], edges: [], tool: tool.name })}
            >
              Edit
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={newTool}>
        New tool
      </button>
    </fieldset>
  );
}
