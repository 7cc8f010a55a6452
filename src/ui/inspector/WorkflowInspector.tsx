import {
  setAutonomousAgent,
  setTurnLimit,
  updateWorkflowSettings,
  type SettingsPatch,
} from '../../model/edit';
import {
  DEFAULT_AUTONOMOUS_PROMPT,
  DEFAULT_MAX_HANDOFFS_PER_TURN,
  DEFAULT_MAX_MODEL_CALLS_PER_TURN,
  DEFAULT_TURN_LIMIT,
} from '../../model';
import { useDesigner } from '../../store/hooks';
import { DocCheck, DocNumber, DocSelect, DocText } from './fields';
import { ModelField } from './ModelField';
import { IssueList } from './IssueList';
import { ToolPicker } from './ToolPicker';

const settings = (patch: SettingsPatch) => (d: Parameters<typeof updateWorkflowSettings>[0]) =>
  updateWorkflowSettings(d, patch);

/** Workflow settings: name, start agent, interaction, termination, defaults and the tools. */
export function WorkflowInspector() {
  const doc = useDesigner((s) => s.doc);
  const issues = useDesigner((s) => s.issues);
  const { interaction, termination, defaults } = doc;
  const settingsIssues = issues.filter((i) => !i.agent && !i.edge && !i.path.startsWith('tools'));
  const names = doc.agents.map((a) => a.name);
  const startOptions = [
    ...(names.includes(doc.startAgent)
      ? []
      : [{ value: doc.startAgent, label: doc.startAgent || '(none)' }]),
    ...names.map((n) => ({ value: n, label: n })),
  ];
  return (
    <section className="inspector__body" aria-label="Workflow settings">
      <header className="inspector__header">
        <span className="inspector__kind">Workflow</span>
      </header>
      <DocText
        label="Name"
        value={doc.name}
        field="wf.name"
        undoLabel="Rename workflow"
        op={(v) => settings({ name: v })}
      />
      <DocText
        label="Description"
        value={doc.description}
        field="wf.description"
        undoLabel="Edit workflow description"
        op={(v) => settings({ description: v })}
        multiline
        rows={2}
      />
      <DocSelect
        label="Start agent"
        value={doc.startAgent}
        options={startOptions}
        undoLabel="Set start agent"
        op={(v) => settings({ startAgent: v })}
      />
      <ModelField
        label="Default model"
        value={defaults.model ?? ''}
        field="wf.defaults.model"
        undoLabel="Default model"
        op={(v) => settings({ defaults: { model: v.trim() === '' ? undefined : v } })}
        placeholder="e.g. gpt-5.4-mini"
      />
      <DocNumber
        label="Temperature"
        value={defaults.temperature}
        decimal
        field="wf.defaults.temperature"
        undoLabel="Temperature"
        op={(v) => settings({ defaults: { temperature: v } })}
        placeholder="Provider default"
        hint="0 to 2."
      />
      <fieldset className="inspector__group">
        <legend>Interaction</legend>
        <DocSelect
          label="Mode"
          value={interaction.mode}
          options={[
            { value: 'interactive', label: 'Interactive: a final reply asks the user' },
            { value: 'autonomous', label: 'Autonomous: agents continue by themselves' },
          ]}
          undoLabel="Interaction mode"
          op={(v) => settings({ interaction: { mode: v as 'interactive' | 'autonomous' } })}
        />
        <DocCheck
          label="User replies go back to the agent that asked"
          checked={interaction.returnToPrevious}
          undoLabel="Return to previous"
          op={(on) => settings({ interaction: { returnToPrevious: on } })}
          hint="Off: every user reply goes to the start agent."
        />
        {interaction.mode === 'autonomous' && <AutonomousSettings />}
        {interaction.mode !== 'autonomous' &&
          (interaction.autonomousAgents.length > 0 ||
            Object.keys(interaction.turnLimits).length > 0) && (
            <p className="field__hint">
              Autonomous agents and turn limits are kept but unused in interactive mode.
            </p>
          )}
      </fieldset>
      <fieldset className="inspector__group">
        <legend>Termination</legend>
        <DocNumber
          label="Max messages"
          value={termination.maxMessages}
          field="wf.t.maxMessages"
          undoLabel="Max messages"
          op={(v) => settings({ termination: { maxMessages: v } })}
          placeholder="No limit"
        />
        <DocNumber
          label="Max user messages"
          value={termination.maxUserMessages}
          field="wf.t.maxUserMessages"
          undoLabel="Max user messages"
          op={(v) => settings({ termination: { maxUserMessages: v } })}
          placeholder="No limit"
        />
        <DocText
          label="Keywords"
          value={(termination.keywords ?? []).join('\n')}
          field="wf.t.keywords"
          undoLabel="Keywords"
          multiline
          rows={2}
          op={(v) => settings({ termination: { keywords: v === '' ? undefined : v.split('\n') } })}
          hint="One per line; the run ends when the latest message contains one (any case)."
        />
        <DocCheck
          label="End when a terminal agent replies"
          checked={termination.endOnTerminalAgent ?? false}
          undoLabel="End on terminal agent"
          op={(on) => settings({ termination: { endOnTerminalAgent: on ? true : undefined } })}
        />
        <DocNumber
          label="Max handoffs per turn"
          value={termination.maxHandoffsPerTurn}
          field="wf.t.maxHandoffsPerTurn"
          undoLabel="Max handoffs per turn"
          op={(v) =>
            settings({ termination: { maxHandoffsPerTurn: v ?? DEFAULT_MAX_HANDOFFS_PER_TURN } })
          }
          hint="Loop guard between two user messages."
        />
        <DocNumber
          label="Max model calls per turn"
          value={termination.maxModelCallsPerTurn}
          field="wf.t.maxModelCallsPerTurn"
          undoLabel="Max model calls per turn"
          op={(v) => settings({ termination: { maxModelCallsPerTurn: v } })}
          placeholder={`${DEFAULT_MAX_MODEL_CALLS_PER_TURN} (default)`}
          hint="Loop guard: ends a run whose agents keep calling tools without replying."
        />
      </fieldset>
      <ToolPicker title={`Tools (${doc.tools.length})`} tools={doc.tools} />
      <IssueList issues={settingsIssues} />
    </section>
  );
}

function AutonomousSettings() {
  const doc = useDesigner((s) => s.doc);
  const { interaction } = doc;
  return (
    <>
      <p className="field__hint">
        {interaction.autonomousAgents.length === 0
          ? 'Every agent continues by itself. Pick agents in their inspector to limit it.'
          : `Continuing by themselves: ${interaction.autonomousAgents.join(', ')}.`}{' '}
        Turn limits are set per agent.
      </p>
      <DocText
        label="Autonomous prompt"
        value={interaction.autonomousPrompt}
        field="wf.autonomousPrompt"
        undoLabel="Autonomous prompt"
        multiline
        rows={2}
        op={(v) => settings({ interaction: { autonomousPrompt: v } })}
        placeholder={DEFAULT_AUTONOMOUS_PROMPT}
      />
      <table className="agent-table">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Autonomous</th>
            <th scope="col">Turn limit</th>
          </tr>
        </thead>
        <tbody>
          {doc.agents.map((a) => (
            <tr key={a.name}>
              <th scope="row">{a.name}</th>
              <td>
                <DocCheck
                  label={`${a.name} continues by itself`}
                  checked={
                    interaction.autonomousAgents.length === 0 ||
                    interaction.autonomousAgents.includes(a.name)
                  }
                  undoLabel="Autonomous agents"
                  op={(on) => (d) => {
                    const list = d.interaction.autonomousAgents;
                    const base =
                      list.length === 0 && !on
                        ? updateWorkflowSettings(d, {
                            interaction: { autonomousAgents: d.agents.map((x) => x.name) },
                          })
                        : d;
                    return setAutonomousAgent(base, a.name, on);
                  }}
                />
              </td>
              <td>
                <DocNumber
                  label={`Turn limit of ${a.name}`}
                  value={interaction.turnLimits[a.name]}
                  field={`agent:${a.name}.turnLimit`}
                  undoLabel="Turn limit"
                  placeholder={`${DEFAULT_TURN_LIMIT}`}
                  op={(v) => (d) => setTurnLimit(d, a.name, v)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
