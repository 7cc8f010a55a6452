import { updateExpectations } from '../../model/editTests';
import type { ValidationIssue } from '../../model/issues';
import type { Expectations, TestCase } from '../../model/testCases';
import { useApp } from '../../app/appContext';
import { DocCheck, DocNumber, DocSelect, DocText } from '../inspector/fields';
import { ChipList } from './ChipList';
import { issueHint } from './IssueHint';
import { MessageRows } from './MessageRows';
import { ToolRows } from './ToolRows';
import { useAgentNames } from './useNames';

interface Props {
  test: TestCase;
  /** The validation issues under a path relative to the case. */
  at(path: string): ValidationIssue[];
}

const OUTCOMES = [
  { value: '', label: 'Any' },
  { value: 'asking_user', label: 'Asks the user' },
  { value: 'awaiting_approval', label: 'Waits for an approval' },
  { value: 'completed', label: 'Completes' },
  { value: 'failed', label: 'Fails' },
];
const COMPLETIONS = [
  { value: '', label: 'Any' },
  { value: 'termination_condition', label: 'Termination condition' },
  { value: 'terminal_agent', label: 'Terminal agent' },
  { value: 'user_terminated', label: 'The user ended it' },
];

/** What must happen in a case: route, agents, tools, limits, messages. */
export function ExpectationsForm({ test, at }: Props) {
  const app = useApp();
  const agents = useAgentNames();
  const id = test.id;
  const e = test.expect;
  const set = (patch: Partial<Expectations>, label: string) =>
    app.designer.getState().apply((d) => updateExpectations(d, id, patch), { label });
  const listOrNone = (values: string[]) => (values.length ? values : undefined);
  return (
    <fieldset className="tests-expect">
      <legend>Expect</legend>
      <DocText
        label="Route"
        value={e.route ?? ''}
        field={`test:${id}.route`}
        undoLabel="Edit expected route"
        placeholder={`${agents[0] ?? 'triage'} > (a | b) > *`}
        op={(route) => (d) =>
          updateExpectations(d, id, { route: route === '' ? undefined : route })
        }
        hint={issueHint(
          at('expect.route'),
          'Agents joined by ">"; (a | b) one of, _ any agent, * any run of agents.',
        )}
      />
      <ChipList
        label="Reaches"
        values={e.reaches ?? []}
        options={agents}
        hint={issueHint(at('expect.reaches'))}
        onChange={(v) => set({ reaches: listOrNone(v) }, 'Edit agents the case reaches')}
      />
      <ChipList
        label="Avoids"
        values={e.avoids ?? []}
        options={agents}
        hint={issueHint(at('expect.avoids'))}
        onChange={(v) => set({ avoids: listOrNone(v) }, 'Edit agents the case avoids')}
      />
      <div className="field-row">
        <DocSelect
          label="Ends at"
          value={e.endAgent ?? ''}
          options={[
            { value: '', label: 'Any agent' },
            ...agents.map((a) => ({ value: a, label: a })),
          ]}
          undoLabel="Set end agent"
          op={(v) => (d) => updateExpectations(d, id, { endAgent: v === '' ? undefined : v })}
          hint={issueHint(at('expect.endAgent'))}
        />
        <DocSelect
          label="Outcome"
          value={e.outcome ?? ''}
          options={OUTCOMES}
          undoLabel="Set expected outcome"
          op={(v) => (d) =>
            updateExpectations(d, id, {
              outcome: v === '' ? undefined : (v as Expectations['outcome']),
            })
          }
        />
      </div>
      <DocSelect
        label="Completion"
        value={e.completion ?? ''}
        options={COMPLETIONS}
        undoLabel="Set expected completion"
        op={(v) => (d) =>
          updateExpectations(d, id, {
            completion: v === '' ? undefined : (v as Expectations['completion']),
          })
        }
      />
      <DocCheck
        label="No handoff the topology forbids (not even an attempt)"
        checked={e.onlyAllowedHandoffs === true}
        undoLabel="Only allowed handoffs"
        op={(on) => (d) =>
          updateExpectations(d, id, { onlyAllowedHandoffs: on ? true : undefined })
        }
      />
      <ToolRows test={test} at={at} />
      <div className="field-row">
        <DocNumber
          label="Max handoffs"
          min={0}
          value={e.maxHandoffs}
          field={`test:${id}.maxHandoffs`}
          undoLabel="Set max handoffs"
          op={(maxHandoffs) => (d) => updateExpectations(d, id, { maxHandoffs })}
          hint={issueHint(at('expect.maxHandoffs'))}
        />
        <DocNumber
          label="Max model calls"
          min={0}
          value={e.maxModelCalls}
          field={`test:${id}.maxModelCalls`}
          undoLabel="Set max model calls"
          op={(maxModelCalls) => (d) => updateExpectations(d, id, { maxModelCalls })}
          hint={issueHint(at('expect.maxModelCalls'))}
        />
      </div>
      <MessageRows test={test} at={at} />
    </fieldset>
  );
}
