import { useState } from 'react';
import type { Agent, Workflow } from '../../model';
import { modelInputOfTurn, turnsForAgent, type Turn } from '../../trace';
import { useAgentOverlay, useEdgeOverlay, useShownTraceState } from '../canvas/useTraceOverlay';
import { useApp } from '../../app/appContext';
import { callUsageText, totalsText, usageTitle } from '../run/usageText';
import { useAgentBreakpoint, useEdgeBreakpoint } from '../canvas/breakpoints';

/** A breakpoint on this agent (pause before each of its model calls). */
export function AgentBreakpointToggle({ agent }: { agent: string }) {
  const on = useAgentBreakpoint(agent);
  const { breakpoints } = useApp();
  return (
    <label className="breakpoint-toggle">
      <input type="checkbox" checked={on} onChange={() => breakpoints.toggleAgent(agent)} />
      Breakpoint: pause runs before this agent&apos;s model calls
    </label>
  );
}

/** A breakpoint on this edge (pause before the handoff is taken). */
export function EdgeBreakpointToggle({ source, target }: { source: string; target: string }) {
  const on = useEdgeBreakpoint(source, target);
  const { breakpoints } = useApp();
  return (
    <label className="breakpoint-toggle">
      <input type="checkbox" checked={on} onChange={() => breakpoints.toggleEdge(source, target)} />
      Breakpoint: pause runs before this handoff is taken
    </label>
  );
}

/** The handoffs of the shown run that crossed this edge, with their reasons. */
export function EdgeRunTrace({ source, target }: { source: string; target: string }) {
  const overlay = useEdgeOverlay(source, target);
  if (overlay.count === 0) return null;
  return (
    <section className="run-trace" aria-label="Handoffs in this run">
      <h3>
        Taken {overlay.count} time{overlay.count > 1 ? 's' : ''} in this run
      </h3>
      <ol>
        {overlay.crossings.map((c) => (
          <li key={c.seq}>
            <span className="run-trace__seq">event {c.seq}</span>{' '}
            {c.reason ? <q>{c.reason}</q> : <em>no reason given</em>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The turns of this agent in the shown run: output, tool calls, and the exact model input. */
export function AgentRunTurns({ agent, doc }: { agent: Agent; doc: Workflow }) {
  const overlay = useAgentOverlay(agent.name);
  const state = useShownTraceState();
  if (overlay.modelCalls === 0) return null;
  const turns = turnsForAgent(state, agent.name);
  const total = state.agents[agent.name]?.usage;
  return (
    <section className="run-trace" aria-label="Turns in this run">
      <h3>
        {turns.length} model call{turns.length > 1 ? 's' : ''} in this run
      </h3>
      {total && (
        <p className="run-trace__usage" title={usageTitle(total)}>
          Total: {totalsText(total)}
        </p>
      )}
      <ol>
        {turns.map((turn) => (
          <TurnView key={turn.startSeq} turn={turn} agent={agent} doc={doc} />
        ))}
      </ol>
    </section>
  );
}

function TurnView({ turn, agent, doc }: { turn: Turn; agent: Agent; doc: Workflow }) {
  const { runs } = useApp();
  const [input, setInput] = useState<string | undefined>(undefined);
  const showInput = () => {
    // Rebuilt from the run's events on demand: what this call's model was given.
    const events = runs.getView().timeline.events;
    const messages = modelInputOfTurn(events, turn, {
      instructions: agent.instructions,
      autonomousPrompt: doc.interaction.autonomousPrompt,
    });
    setInput(JSON.stringify(messages, null, 2));
  };
  return (
    <li className="run-trace__turn">
      <div className="run-trace__seq">
        call {turn.callIndex + 1} · events {turn.startSeq}–{turn.endSeq}
        {turn.interrupted ? ' · interrupted' : ''}
        {turn.usage && ' · '}
        {turn.usage && (
          <span className="run-trace__call-usage" title={usageTitle(turn.usage)}>
            {callUsageText(turn.usage)}
          </span>
        )}
      </div>
      {turn.text && <p className="run-trace__text">{turn.text}</p>}
      {turn.toolCalls.map((call) => (
        <div key={call.callId} className="run-trace__call">
          <code>
            {call.name}(
            {typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments)})
          </code>
          {call.result !== undefined && (
            <span className={call.isError ? 'run-trace__error' : undefined}> → {call.result}</span>
          )}
        </div>
      ))}
      {input === undefined ? (
        <button type="button" className="link" onClick={showInput}>
          Show the model input
        </button>
      ) : (
        <pre className="run-trace__input" aria-label="Model input">
          {input}
        </pre>
      )}
    </li>
  );
}
