import { useMemo } from 'react';
import { renameTestId, updateTestCase } from '../../model/editTests';
import type { TestCase } from '../../model/testCases';
import { useDesigner } from '../../store/hooks';
import { useApp } from '../../app/appContext';
import { CommitText, DocCheck, DocNumber, DocText } from '../inspector/fields';
import { caseIssues, issuesUnder } from './caseIssues';
import { ChipList } from './ChipList';
import { ExpectationsForm } from './ExpectationsForm';
import { issueHint } from './IssueHint';

interface Props {
  test: TestCase;
  index: number;
}

/**
 * The form of one case: what the user says (turns, End, approvals), what must happen and the
 * pass rate. Every field edits the document through the designer store (undoable); the
 * validation problems of a field are shown under it.
 */
export function CaseForm({ test, index }: Props) {
  const app = useApp();
  const issues = useDesigner((s) => s.issues);
  const byPath = useMemo(() => caseIssues(issues, index), [issues, index]);
  const id = test.id;
  const at = (path: string) => issuesUnder(byPath, path);
  const update = (patch: Partial<Omit<TestCase, 'id'>>, label: string) =>
    app.designer.getState().apply((d) => updateTestCase(d, id, patch), { label });
  return (
    <form
      className="tests-form"
      aria-label={`Case ${test.name}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <DocText
        label="Name"
        value={test.name}
        field={`test:${id}.name`}
        undoLabel="Rename test case"
        op={(name) => (d) => updateTestCase(d, id, { name })}
        hint={issueHint(at('name'))}
      />
      <CommitText
        label="Id"
        value={id}
        hint={issueHint(at('id'), 'Results are kept by the id.')}
        commit={(to) => {
          const result = app.designer
            .getState()
            .apply((d) => renameTestId(d, id, to), { label: 'Change test case id' });
          if (!result.ok) return result.error.message;
          app.testsUi.getState().set({ editing: to });
          return undefined;
        }}
      />
      <DocText
        label="Turns"
        multiline
        rows={3}
        value={test.turns.join('\n')}
        field={`test:${id}.turns`}
        undoLabel="Edit test turns"
        placeholder="I want a refund for order 123"
        op={(text) => (d) => updateTestCase(d, id, { turns: text.split('\n') })}
        hint={issueHint(
          at('turns'),
          'One message a line: the opening message, then a reply each time the workflow asks.',
        )}
      />
      <DocCheck
        label="End the conversation after the last turn"
        checked={test.endConversation === true}
        undoLabel="End conversation"
        op={(on) => (d) => updateTestCase(d, id, { endConversation: on ? true : undefined })}
      />
      <ChipList
        label="Approvals"
        repeat
        values={test.approvals ?? []}
        options={['approve', 'reject']}
        hint={issueHint(at('approvals'), 'Decisions for approval requests, in the order asked.')}
        onChange={(values) =>
          update(
            { approvals: values.length ? (values as Array<'approve' | 'reject'>) : undefined },
            'Edit test approvals',
          )
        }
      />
      <ExpectationsForm test={test} at={at} />
      <DocNumber
        label="Pass rate (%)"
        decimal
        min={0}
        value={test.passRate}
        field={`test:${id}.passRate`}
        undoLabel="Set pass rate"
        placeholder="100"
        op={(passRate) => (d) => updateTestCase(d, id, { passRate })}
        hint={issueHint(
          at('passRate'),
          'Percent of samples that must pass on a provider that is not deterministic.',
        )}
      />
    </form>
  );
}
