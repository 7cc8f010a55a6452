/**
 * Matching an imported run to the workflow open in the app (docs/spec/import-trace.md#matching):
 * every handoff the open workflow's topology does not allow is flagged — a note, and the
 * `unknown_tool` warning our engine gives for such a call, so the canvas draws the attempt — and
 * agents the workflow does not have are named.
 */
import type { RunEventBody } from '../../engine/events';
import { buildTopology, handoffToolName, type Workflow } from '../../model';
import type { TraceNote } from './types';

export function matchToWorkflow(
  events: RunEventBody[],
  open: Workflow,
): { events: RunEventBody[]; notes: TraceNote[] } {
  const topology = buildTopology(open);
  const notes: TraceNote[] = [];
  const unknown = new Set<string>();
  const out: RunEventBody[] = [];
  const flag = (agent: string, target: string, callId: string | undefined): void => {
    const tool = handoffToolName(target);
    out.push({
      type: 'warning',
      code: 'unknown_tool',
      message: `${agent} handed off to ${target}, which the open workflow does not allow.`,
      agent,
      ...(callId !== undefined ? { callId } : {}),
      tool,
      target,
    });
    notes.push({
      kind: 'flagged',
      code: 'handoff_not_allowed',
      message: `${agent} → ${target}: the open workflow has no such handoff.`,
    });
  };
  const flaggedCalls = new Set<string>();
  for (const event of events) {
    for (const agent of agentsOf(event)) {
      if (!topology.agents.has(agent) && !unknown.has(agent)) {
        unknown.add(agent);
        notes.push({
          kind: 'flagged',
          code: 'agent_not_in_workflow',
          message: `${agent} answered in the trace but is not an agent of the open workflow.`,
        });
      }
    }
    if (event.type === 'handoff') {
      const allowed = topology.targetsOf(event.from).includes(event.to);
      const key = `${event.from}\u0000${event.to}`;
      if (!allowed && !flaggedCalls.has(key)) flag(event.from, event.to, undefined);
      flaggedCalls.delete(key);
    }
    out.push(event);
    if (event.type === 'tool_call' && event.handoffTarget !== undefined) {
      if (!topology.targetsOf(event.agent).includes(event.handoffTarget)) {
        flag(event.agent, event.handoffTarget, event.callId);
        flaggedCalls.add(`${event.agent}\u0000${event.handoffTarget}`);
      }
    }
  }
  return { events: out, notes };
}

function agentsOf(event: RunEventBody): string[] {
  switch (event.type) {
    case 'agent_started':
      return [event.agent];
    case 'handoff':
      return [event.from, event.to];
    default:
      return [];
  }
}
