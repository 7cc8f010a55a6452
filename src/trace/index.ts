/**
 * The run trace: one pure reducer from the event stream (docs/spec/events.md) to a `TraceState`, a
 * timeline that gives the state at any event fast (snapshots), and selectors for the canvas
 * overlay, the chat and the inspector. No React, no DOM.
 *
 * ```ts
 * const timeline = new TraceTimeline();
 * run.subscribe((event) => timeline.append(event));
 * const overlay = traceForAgent(timeline.latest, 'triage_agent');   // live
 * const then = timeline.stateAt(42);                               // as it was after 42 events
 * ```
 */
export { reduceTrace, reduceAll, initialTraceState } from './reduce';
export { edgeKey } from './names';
export { TraceTimeline, SNAPSHOT_INTERVAL } from './timeline';
export {
  traceForAgent,
  traceForEdge,
  turnsForAgent,
  chatItems,
  checkpointsOf,
  sameAgentOverlay,
  sameEdgeOverlay,
} from './selectors';
export type { AgentOverlay, EdgeOverlay } from './selectors';
export { modelInputAt, modelInputOfTurn, transcriptItemsOf } from './modelInput';
export type { InputContext } from './modelInput';
export { toArray as listToArray, get as listGet } from './plist';
export type { PList } from './plist';
export type {
  TraceState,
  TraceStatus,
  AgentTrace,
  EdgeTrace,
  HandoffCrossing,
  ForbiddenHandoff,
  Turn,
  TurnToolCall,
  PendingRequest,
  ChatItem,
  RunEnd,
  CallUsage,
  UsageTotals,
} from './types';
export { EMPTY_USAGE } from './usage';
