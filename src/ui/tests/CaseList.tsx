import { addTestCase, deleteTestCase, duplicateTestCase } from '../../model/editTests';
import type { TestCase } from '../../model/testCases';
import { useApp } from '../../app/appContext';
import type { ReactNode } from 'react';

interface Props {
  tests: readonly TestCase[];
  /** What to show beside a case (its latest result). */
  badge?: (test: TestCase) => ReactNode;
}

/** The open workflow's cases: open one in the form, add, duplicate, delete (all undoable). */
export function CaseList({ tests, badge }: Props) {
  const app = useApp();
  const edit = (id: string) => app.testsUi.getState().set({ editing: id });
  const add = () => {
    let created: string | undefined;
    const result = app.designer.getState().apply(
      (d) => {
        const out = addTestCase(d, { name: 'New case' });
        created = out.id;
        return out.doc;
      },
      { label: 'Add test case' },
    );
    if (result.ok && created) edit(created);
  };
  return (
    <div className="tests-list">
      <div className="tests-list__bar">
        <button type="button" className="primary" onClick={add}>
          + Add case
        </button>
      </div>
      {tests.length === 0 ? (
        <p className="tests-empty">
          No cases yet. Add one, or press “Save as test” on a run to turn it into a case.
        </p>
      ) : (
        <ul aria-label="Test cases">
          {tests.map((test) => (
            <li key={test.id} className="tests-case">
              <button
                type="button"
                className="tests-case__name"
                onClick={() => edit(test.id)}
                title={`Edit “${test.name}”`}
              >
                {test.name || test.id}
              </button>
              {badge?.(test)}
              <button
                type="button"
                className="tests-icon"
                aria-label={`Duplicate ${test.name || test.id}`}
                title="Duplicate"
                onClick={() => {
                  let created: string | undefined;
                  app.designer.getState().apply(
                    (d) => {
                      const out = duplicateTestCase(d, test.id);
                      created = out.id;
                      return out.doc;
                    },
                    { label: 'Duplicate test case' },
                  );
                  if (created) edit(created);
                }}
              >
                Duplicate
              </button>
              <button
                type="button"
                className="tests-icon danger"
                aria-label={`Delete ${test.name || test.id}`}
                title="Delete (undo with Ctrl+Z)"
                onClick={() => {
                  const result = app.designer
                    .getState()
                    .apply((d) => deleteTestCase(d, test.id), { label: 'Delete test case' });
                  if (result.ok) app.say(`Deleted “${test.name}”. Undo with Ctrl+Z.`);
                }}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
