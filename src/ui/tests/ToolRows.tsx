import { updateExpectations } from '../../model/editTests';
import type { ValidationIssue } from '../../model/issues';
import type { TestCase, ToolExpectation } from '../../model/testCases';
import { useApp } from '../../app/appContext';
import { issueHint } from './IssueHint';
import { JsonObjectField } from './JsonObjectField';
import { useAgentNames, useToolNames } from './useNames';

interface Props {
  test: TestCase;
  at(path: string): ValidationIssue[];
}

/** The tools a case expects called (or not), each with an agent and a subset of arguments. */
export function ToolRows({ test, at }: Props) {
  const app = useApp();
  const tools = useToolNames();
  const agents = useAgentNames();
  const rows = test.expect.tools ?? [];
  const save = (next: ToolExpectation[], label: string) =>
    app.designer
      .getState()
      .apply((d) => updateExpectations(d, test.id, { tools: next.length ? next : undefined }), {
        label,
      });
  const change = (index: number, patch: Partial<ToolExpectation>) =>
    save(
      rows.map((row, i) => {
        if (i !== index) return row;
        const next: Record<string, unknown> = { ...row, ...patch };
        for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
        return next as ToolExpectation;
      }),
      'Edit expected tool',
    );
  return (
    <div className="field tests-rows" role="group" aria-label="Tools">
      <span className="tests-chips__label">Tools</span>
      {rows.map((row, index) => (
        <div key={index} className="tests-row" role="group" aria-label={`Tool ${index + 1}`}>
          <div className="field-row">
            <label className="tests-inline">
              Tool
              <select
                value={row.name}
                onChange={(e) => change(index, { name: e.target.value })}
                aria-label={`Tool ${index + 1} name`}
              >
                {!tools.includes(row.name) && <option value={row.name}>{row.name}</option>}
                {tools.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            <label className="tests-inline">
              By
              <select
                value={row.agent ?? ''}
                onChange={(e) => change(index, { agent: e.target.value || undefined })}
                aria-label={`Tool ${index + 1} agent`}
              >
                <option value="">any agent</option>
                {agents.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="tests-inline">
            <input
              type="checkbox"
              checked={row.called === false}
              onChange={(e) => change(index, { called: e.target.checked ? false : undefined })}
            />
            Must not be called
          </label>
          <JsonObjectField
            label={`Tool ${index + 1} arguments`}
            value={row.arguments}
            commit={(args) => change(index, { arguments: args })}
          />
          {issueHint(at(`expect.tools[${index}]`))}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              save(
                rows.filter((_, i) => i !== index),
                'Remove expected tool',
              )
            }
          >
            Remove tool {index + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={tools.length === 0}
        title={tools.length === 0 ? 'The workflow has no tools' : undefined}
        onClick={() => save([...rows, { name: tools[0]! }], 'Expect a tool')}
      >
        + Expect a tool
      </button>
    </div>
  );
}
