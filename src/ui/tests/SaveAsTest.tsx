import type { RunEvent } from '../../engine/events';
import { addTestCase } from '../../model/editTests';
import { testCaseFromRun } from '../../routing/fromRun';
import { useApp } from '../../app/appContext';

/**
 * "Save as test" on the run shown (live, stored or imported): a case from its turns and
 * decisions with the path it took as the expected route (src/routing's `testCaseFromRun`),
 * added to the document as one undo step and opened in the Tests panel's form.
 */
export function SaveAsTest({ events }: { events: readonly RunEvent[] }) {
  const app = useApp();
  const save = () => {
    let id: string | undefined;
    const result = app.designer.getState().apply(
      (doc) => {
        const out = addTestCase(doc, testCaseFromRun(events, doc));
        id = out.id;
        return out.doc;
      },
      { label: 'Save run as test' },
    );
    if (!result.ok || id === undefined) {
      if (!result.ok) app.say(result.error.message, 'error');
      return;
    }
    app.testsUi.getState().set({ open: true, editing: id });
    app.say('Saved as a test case. Undo with Ctrl+Z.');
  };
  return (
    <button
      type="button"
      className="save-as-test"
      disabled={!events.some((e) => e.type === 'user_message')}
      onClick={save}
      title="Turn this run into a routing test: its messages, decisions and the path it took"
    >
      Save as test
    </button>
  );
}
