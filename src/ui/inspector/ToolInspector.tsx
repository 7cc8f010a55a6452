import { useState } from 'react';
import { deleteTool, renameTool, setAgentTool, updateTool } from '../../model/edit';
import { toolResultTemplate, type Tool } from '../../model';
import { useDesigner, useDesignerStore } from '../../store/hooks';
import { CommitText, DocSelect, DocText, Field } from './fields';
import { IssueList } from './IssueList';

/** The selected tool: name, description, parameters (JSON Schema), approval, result template. */
export function ToolInspector({ tool }: { tool: Tool }) {
  const store = useDesignerStore();
  const doc = useDesigner((s) => s.doc);
  const issues = useDesigner((s) => s.issues);
  const index = doc.tools.indexOf(tool);
  const mine = issues.filter((i) => i.path.startsWith(`tools[${index}]`));
  const name = tool.name;
  return (
    <section className="inspector__body" aria-label={`Tool ${name}`}>
      <header className="inspector__header">
        <span className="inspector__kind">Tool</span>
        <button
          type="button"
          className="link-button"
          onClick={() => store.getState().select({ agents: [], edges: [] })}
        >
          ← Workflow
        </button>
      </header>
      <CommitText
        label="Name"
        value={name}
        hint="Renaming updates every agent that uses it."
        commit={(to) => {
          const result = store.getState().apply((d) => renameTool(d, name, to), {
            label: `Rename tool ${name}`,
            select: { agents: [], edges: [], tool: to },
          });
          return result.ok ? undefined : result.error.message;
        }}
      />
      <DocText
        label="Description"
        value={tool.description}
        field={`tool:${name}.description`}
        undoLabel="Edit tool description"
        op={(v) => (d) => updateTool(d, name, { description: v })}
        multiline
        rows={2}
      />
      <ParametersField key={name} tool={tool} />
      <DocSelect
        label="Approval"
        value={tool.approval}
        options={[
          { value: 'never_require', label: 'Runs without approval' },
          { value: 'always_require', label: 'A person approves every call' },
        ]}
        undoLabel="Tool approval"
        op={(v) => (d) => updateTool(d, name, { approval: v as Tool['approval'] })}
      />
      <DocText
        label="Result template"
        value={tool.result ?? ''}
        field={`tool:${name}.result`}
        undoLabel="Edit result template"
        op={(v) => (d) => updateTool(d, name, { result: v === '' ? undefined : v })}
        placeholder={toolResultTemplate({ name })}
        hint="Tools are simulated: {{argument}} is replaced by the argument's value."
      />
      <fieldset className="inspector__group">
        <legend>Used by</legend>
        <ul className="tool-list">
          {doc.agents.map((a) => (
            <li key={a.name}>
              <input
                type="checkbox"
                id={`uses-${name}-${a.name}`}
                checked={a.tools.includes(name)}
                onChange={(e) =>
                  store.getState().apply((d) => setAgentTool(d, a.name, name, e.target.checked), {
                    label: 'Tool users',
                  })
                }
              />
              <label htmlFor={`uses-${name}-${a.name}`}>{a.name}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <IssueList issues={mine} />
      <div className="inspector__actions">
        <button
          type="button"
          className="danger"
          onClick={() =>
            store.getState().apply((d) => deleteTool(d, name), {
              label: `Delete tool ${name}`,
              select: { agents: [], edges: [] },
            })
          }
        >
          Delete tool
        </button>
      </div>
    </section>
  );
}

/**
 * The parameters' JSON Schema as text. Valid JSON objects are applied as you type (one undo step
 * per burst); anything else is shown with the reason and never reaches the document.
 */
function ParametersField({ tool }: { tool: Tool }) {
  const store = useDesignerStore();
  const current = JSON.stringify(tool.parameters, null, 2);
  const [draft, setDraft] = useState<{ base: string; text: string }>();
  const text = draft && draft.base === current ? draft.text : current;
  let error: string | undefined;
  if (draft && draft.base === current && draft.text !== current) {
    try {
      const value: unknown = JSON.parse(draft.text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        error = 'The parameters must be a JSON object.';
      }
    } catch (e) {
      error = `Not valid JSON: ${(e as Error).message}`;
    }
  }
  return (
    <Field
      label="Parameters (JSON Schema)"
      hint={
        error ? (
          <span role="alert" className="field__error">
            {error}
          </span>
        ) : (
          'An object schema with "properties"; the model fills in the arguments.'
        )
      }
    >
      {(id, hintId) => (
        <textarea
          id={id}
          className="code"
          data-doc-field
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          rows={8}
          value={text}
          onChange={(e) => {
            const raw = e.target.value;
            let parsed: unknown;
            try {
              parsed = JSON.parse(raw);
            } catch {
              parsed = undefined;
            }
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
              store
                .getState()
                .apply(
                  (d) =>
                    updateTool(d, tool.name, { parameters: parsed as Record<string, unknown> }),
                  {
                    label: 'Edit parameters',
                    coalesce: `tool:${tool.name}.parameters`,
                    burstMs: 1500,
                  },
                );
              setDraft({ base: JSON.stringify(parsed, null, 2), text: raw });
            } else {
              setDraft({ base: current, text: raw });
            }
          }}
          onBlur={() => store.getState().breakCoalescing()}
        />
      )}
    </Field>
  );
}
