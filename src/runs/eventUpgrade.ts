/**
 * Events written before they carried structure for every consumer (run files and stored runs of
 * earlier versions) get the fields the trace reads: a handoff call's `handoffTarget`, and a
 * tool warning's `callId`, `tool` and `target`. Derived from the event stream's own structure
 * (a tool warning follows the result of its call) and the model's one definition of handoff tool
 * names — never from a message's text. Newer events pass through unchanged.
 */
import type { RunEvent } from '../engine/events';
import { handoffTargetOf } from '../model/topology';

const TOOL_WARNINGS = new Set(['unknown_tool', 'extra_handoff']);

export function upgradeEvents(events: readonly RunEvent[]): RunEvent[] {
  let lastResult: Extract<RunEvent, { type: 'tool_result' }> | undefined;
  return events.map((event) => {
    if (event.type === 'tool_result') lastResult = event;
    if (event.type === 'tool_call' && event.handoffTarget === undefined) {
      const handoffTarget = handoffTargetOf(event.name);
      return handoffTarget === undefined ? event : { ...event, handoffTarget };
    }
    if (
      event.type === 'warning' &&
      event.tool === undefined &&
      TOOL_WARNINGS.has(event.code) &&
      lastResult !== undefined
    ) {
      const target = handoffTargetOf(lastResult.name);
      return {
        ...event,
        callId: lastResult.callId,
        tool: lastResult.name,
        ...(target !== undefined ? { target } : {}),
      };
    }
    return event;
  });
}
