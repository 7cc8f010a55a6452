import { useApp } from '../../app/appContext';
import { useDesigner } from '../../store/hooks';
import { CaseForm } from './CaseForm';
import { CaseList } from './CaseList';
import { CaseBadge, CaseResult } from './CaseResult';
import { SuiteBar } from './SuiteBar';
import { useLoadSuite } from './useSuite';
import { useTestsUi } from './useTestsUi';
import './tests.css';

const NO_TESTS: never[] = [];

/**
 * The Tests panel: folded to a title bar under the Run panel's, or unfolded in the dock (it
 * shares the Run dock's place). Lists the open workflow's cases and edits one in a form.
 */
export function TestsPanel() {
  const { testsUi } = useApp();
  const open = useTestsUi((s) => s.open);
  const count = useDesigner((s) => s.doc.tests?.length ?? 0);
  useLoadSuite();
  return (
    <section className={`tests-panel${open ? ' tests-panel--open' : ''}`} aria-label="Tests panel">
      <h2 className="tests-panel__title">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => testsUi.getState().set({ open: !open })}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Tests
        </button>
        <span className="tests-panel__count">
          {count} case{count === 1 ? '' : 's'}
        </span>
      </h2>
      {open && <TestsBody />}
    </section>
  );
}

function TestsBody() {
  const app = useApp();
  const tests = useDesigner((s) => s.doc.tests ?? NO_TESTS);
  const editing = useTestsUi((s) => s.editing);
  const index = editing === undefined ? -1 : tests.findIndex((t) => t.id === editing);
  const test = tests[index];
  return (
    <div className="tests-panel__body">
      {test ? (
        <>
          <button
            type="button"
            className="link-button tests-back"
            onClick={() => app.testsUi.getState().set({ editing: undefined })}
          >
            ← All cases
          </button>
          <CaseResult caseId={test.id} />
          <CaseForm key={test.id} test={test} index={index} />
        </>
      ) : (
        <>
          <SuiteBar cases={tests.length} />
          <CaseList tests={tests} badge={(t) => <CaseBadge caseId={t.id} />} />
        </>
      )}
    </div>
  );
}
