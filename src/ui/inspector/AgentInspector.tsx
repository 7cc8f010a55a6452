import { useRef, useState } from 'react';
import {
  setAgentTool,
  setAutonomousAgent,
  setTurnLimit,
  updateAgent,
  updateWorkflowSettings,
} from '../../model/edit';
import { DEFAULT_TURN_LIMIT, type Agent, type Workflow } from '../../model';
import { isDuplicateName, onAgent, renameAgentById } from '../../store/byId';
import { useDesigner } from '../../store/hooks';
import { agentIdOf } from '../../store/identity';
import { sayDuplicateRename } from '../canvas/InlineName';
import { connectAgents, deleteSelection } from '../shell/commands';
import { CommitText, DocCheck, DocNumber, DocText } from './fields';
import { ModelField } from './ModelField';
import { IssueList } from './IssueList';
import { AgentBreakpointToggle, AgentRunTurns } from './RunTrace';
import { RoutingTable } from '../tests/RoutingTable';
import { ToolPicker } from './ToolPicker';
import { useApp } from '../../app/appContext';

/**
 * The selected agent (`id`: its view id): name, description, instructions, model, tools,
 * handoffs and settings. Its own fields are edited by id (`onAgent`), so that of two agents with
 * one name the one shown is the one changed; settings keyed by name (autonomy, turn limits, the
 * start agent) belong to the name.
 */
export function AgentInspector({ id, agent }: { id: string; agent: Agent }) {
  const app = useApp();
  const store = app.designer;
  const doc = useDesigner((s) => s.doc);
  const issues = useDesigner((s) => s.issues);
  const name = agent.name;
  const key = (field: string) => `agent:${id}.${field}`;
  const mine = issues.filter((i) => i.agent === name && !i.edge);
  const autonomous = doc.interaction.mode === 'autonomous';
  const isAutonomous =
    autonomous &&
    (doc.interaction.autonomousAgents.length === 0 ||
      doc.interaction.autonomousAgents.includes(name));

  return (
    <section className="inspector__body" aria-label={`Agent ${name}`}>
      <header className="inspector__header">
        <span className="inspector__kind">Agent</span>
        {doc.startAgent === name ? (
          <span className="badge badge--start">▶ start agent</span>
        ) : (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              store.getState().apply((d) => updateWorkflowSettings(d, { startAgent: name }), {
                label: 'Set start agent',
              })
            }
          >
            Make start agent
          </button>
        )}
      </header>
      <RoutingTable agent={name} />
      <CommitText
        label="Name"
        value={name}
        hint="Renaming updates every handoff, setting and handoff_to_ mention."
        commit={(to) => {
          const duplicate = isDuplicateName(store.getState().doc, name);
          const result = store.getState().apply(renameAgentById(id, to), {
            label: `Rename ${name}`,
            select: { agents: [id], edges: [] },
          });
          if (result.ok && duplicate && to !== name) sayDuplicateRename(app.say, name, to);
          return result.ok ? undefined : result.error.message;
        }}
      />
      <DocText
        label="Description"
        value={agent.description}
        field={key('description')}
        undoLabel="Edit description"
        op={(v) => onAgent(id, (d, n) => updateAgent(d, n, { description: v }))}
        hint="What models handing off to this agent read, unless the handoff has its own."
        multiline
        rows={2}
      />
      <DocText
        label="Instructions"
        value={agent.instructions}
        field={key('instructions')}
        undoLabel="Edit instructions"
        op={(v) => onAgent(id, (d, n) => updateAgent(d, n, { instructions: v }))}
        multiline
        rows={6}
        placeholder="The system prompt of this agent"
      />
      <ModelField
        label="Model"
        value={agent.model ?? ''}
        field={key('model')}
        undoLabel="Edit model"
        op={(v) => onAgent(id, (d, n) => updateAgent(d, n, { model: v }))}
        placeholder={doc.defaults.model ? `${doc.defaults.model} (default)` : 'Default model'}
      />
      <ToolPicker
        title="Tools"
        tools={doc.tools}
        checked={(tool) => agent.tools.includes(tool)}
        onToggle={(tool, on) =>
          store.getState().apply(
            onAgent(id, (d, n) => setAgentTool(d, n, tool, on)),
            {
              label: on ? `Give ${tool}` : `Remove ${tool}`,
            },
          )
        }
      />
      <Handoffs id={id} name={name} />
      {autonomous && (
        <fieldset className="inspector__group">
          <legend>Autonomous mode</legend>
          <DocCheck
            label="Continues by itself"
            checked={isAutonomous}
            undoLabel="Autonomous agents"
            op={(on) => (d) => {
              // "Empty = all": turning one agent off lists all the others explicitly.
              const list = d.interaction.autonomousAgents;
              const base =
                list.length === 0 && !on
                  ? updateWorkflowSettings(d, {
                      interaction: { autonomousAgents: d.agents.map((a) => a.name) },
                    })
                  : d;
              return setAutonomousAgent(base, name, on);
            }}
          />
          <DocNumber
            label="Turn limit"
            value={doc.interaction.turnLimits[name]}
            field={key('turnLimit')}
            undoLabel="Turn limit"
            placeholder={`${DEFAULT_TURN_LIMIT} (default)`}
            op={(v) => (d) => setTurnLimit(d, name, v)}
          />
        </fieldset>
      )}
      <IssueList issues={mine} />
      <AgentBreakpointToggle agent={name} />
      <AgentRunTurns agent={agent} doc={doc} />
      <div className="inspector__actions">
        <button type="button" className="danger" onClick={() => deleteSelection(app)}>
          Delete agent
        </button>
      </div>
    </section>
  );
}

/** Outbound and inbound handoffs, with a keyboard way to connect. */
function Handoffs({ id, name }: { id: string; name: string }) {
  const doc = useDesigner((s) => s.doc);
  // With a duplicated name, the handoffs naming it attach to the first agent of that name.
  const owner = useDesigner((s) => agentIdOf(s.doc, s.ids, name) === id);
  if (!owner) {
    return (
      <fieldset className="inspector__group">
        <legend>Handoffs</legend>
        <p className="field__hint">
          Another agent is also called &quot;{name}&quot;: handoffs naming it belong to the first
          one. Rename this agent to give it handoffs of its own.
        </p>
      </fieldset>
    );
  }
  return <HandoffList name={name} doc={doc} />;
}

function HandoffList({ name, doc }: { name: string; doc: Workflow }) {
  const app = useApp();
  const store = app.designer;
  const [target, setTarget] = useState('');
  const group = useRef<HTMLFieldSetElement>(null);
  const outbound = doc.handoffs.flatMap((e, i) => (e.source === name ? [{ e, i }] : []));
  const inbound = doc.handoffs.flatMap((e, i) => (e.target === name ? [{ e, i }] : []));
  // Names, each once (two agents may share one).
  const candidates = [...new Set(doc.agents.map((a) => a.name))].filter(
    (n) => n !== name && !outbound.some(({ e }) => e.target === n),
  );
  const chosen = candidates.includes(target) ? target : (candidates[0] ?? '');
  const pick = (i: number) => {
    const id = store.getState().ids.edges[i];
    if (id !== undefined) store.getState().select({ agents: [], edges: [id] });
  };
  return (
    <fieldset className="inspector__group" ref={group}>
      <legend>Handoffs</legend>
      {doc.handoffs.length === 0 && (
        <p className="field__hint">None drawn: every agent may hand off to every other.</p>
      )}
      <ul className="edge-list">
        {outbound.map(({ e, i }) => (
          <li key={i}>
            <button
              type="button"
              className="link-button"
              data-handoff-to={e.target}
              onClick={() => pick(i)}
            >
              → {e.target}
            </button>
          </li>
        ))}
        {inbound.map(({ e, i }) => (
          <li key={i}>
            <button type="button" className="link-button" onClick={() => pick(i)}>
              ← {e.source}
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <div className="field field--inline">
          <label htmlFor={`connect-${name}`}>Hand off to</label>
          <select id={`connect-${name}`} value={chosen} onChange={(e) => setTarget(e.target.value)}>
            {candidates.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => {
              if (!connectAgents(app, name, chosen)) return;
              // The button may be gone (no target left): focus the new handoff's entry.
              requestAnimationFrame(() =>
                group.current
                  ?.querySelector<HTMLElement>(`[data-handoff-to="${CSS.escape(chosen)}"]`)
                  ?.focus(),
              );
            }}
          >
            Add handoff
          </button>
        </div>
      )}
    </fieldset>
  );
}
