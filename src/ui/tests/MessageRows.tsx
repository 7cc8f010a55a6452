import { updateExpectations } from '../../model/editTests';
import type { ValidationIssue } from '../../model/issues';
import type { MessageExpectation, TestCase } from '../../model/testCases';
import { useApp } from '../../app/appContext';
import { issueHint } from './IssueHint';
import { useAgentNames } from './useNames';

interface Props {
  test: TestCase;
  at(path: string): ValidationIssue[];
}

/** Text an agent must say: contains (case-insensitive) and/or matches a regular expression. */
export function MessageRows({ test, at }: Props) {
  const app = useApp();
  const agents = useAgentNames();
  const rows = test.expect.messages ?? [];
  const save = (next: MessageExpectation[], label: string, coalesce?: string) =>
    app.designer
      .getState()
      .apply((d) => updateExpectations(d, test.id, { messages: next.length ? next : undefined }), {
        label,
        ...(coalesce ? { coalesce, burstMs: 1500 } : {}),
      });
  const change = (index: number, patch: Partial<MessageExpectation>, coalesce?: string) =>
    save(
      rows.map((row, i) => {
        if (i !== index) return row;
        const next: Record<string, unknown> = { ...row, ...patch };
        for (const key of Object.keys(next))
          if (next[key] === undefined || next[key] === '') delete next[key];
        return next as MessageExpectation;
      }),
      'Edit expected message',
      coalesce,
    );
  return (
    <div className="field tests-rows" role="group" aria-label="Messages">
      <span className="tests-chips__label">Messages</span>
      {rows.map((row, index) => (
        <div key={index} className="tests-row" role="group" aria-label={`Message ${index + 1}`}>
          <div className="field-row">
            <label className="tests-inline">
              From
              <select
                value={row.agent ?? ''}
                onChange={(e) => change(index, { agent: e.target.value || undefined })}
              >
                <option value="">any agent</option>
                {agents.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </label>
            <label className="tests-inline">
              Which
              <select
                value={row.which ?? 'final'}
                onChange={(e) =>
                  change(index, { which: e.target.value === 'any' ? 'any' : undefined })
                }
              >
                <option value="final">the final message</option>
                <option value="any">any message</option>
              </select>
            </label>
          </div>
          <label className="tests-inline tests-inline--wide">
            Contains
            <input
              value={row.contains ?? ''}
              onChange={(e) =>
                change(index, { contains: e.target.value }, `test:${test.id}.msg${index}.contains`)
              }
            />
          </label>
          <label className="tests-inline tests-inline--wide">
            Matches
            <input
              value={row.matches ?? ''}
              spellCheck={false}
              placeholder="refund(ed)? for order \d+"
              onChange={(e) =>
                change(index, { matches: e.target.value }, `test:${test.id}.msg${index}.matches`)
              }
            />
          </label>
          {issueHint(at(`expect.messages[${index}]`))}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              save(
                rows.filter((_, i) => i !== index),
                'Remove expected message',
              )
            }
          >
            Remove message {index + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => save([...rows, {}], 'Expect a message')}>
        + Expect a message
      </button>
    </div>
  );
}
