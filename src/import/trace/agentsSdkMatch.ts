/**
 * A trace matched to the open workflow: calls of tools the calling agent does not have there are
 * flagged (handoffs are checked as the events are built, `handoff_not_allowed`).
 */
import type { RunEvent } from '../../engine/events';
import type { Workflow } from '../../model';
import type { NoteLog } from './agentsSdkNotes';

export function flagToolCalls(events: readonly RunEvent[], open: Workflow, notes: NoteLog): void {
  const toolsOf = new Map<string, ReadonlySet<string>>();
  for (const agent of open.agents) {
    if (!toolsOf.has(agent.name)) toolsOf.set(agent.name, new Set(agent.tools));
  }
  for (const event of events) {
    if (event.type !== 'tool_call' || event.handoffTarget !== undefined) continue;
    const tools = toolsOf.get(event.agent);
    if (!tools || tools.has(event.name)) continue;
    notes.add(
      'flagged',
      'tool_not_in_workflow',
      `${event.agent} called ${event.name}, which it does not have in the open workflow.`,
    );
  }
}
