/**
 * Read-only views of a `TraceState` for the canvas overlay, the inspector and the chat. They are
 * cheap (no copying beyond the answer) and return stable objects for what did not change, so a
 * React Flow node can subscribe with `traceForAgent(state, name)` and an equality check on
 * its fields.
 */
import { edgeKey } from './names';
import { get, toArray } from './plist';
import type {
  AgentTrace,
  ChatItem,
  EdgeTrace,
  ForbiddenHandoff,
  HandoffCrossing,
  TraceState,
  Turn,
} from './types';
import { own } from './own';

/** What the canvas shows on an agent node. */
export interface AgentOverlay {
  /** In control now (the run is running or waiting). */
  active: boolean;
  /** Text it is streaming now ('' when not streaming). */
  streamingText: string;
  /** Visited at all / how often it gained control. */
  visited: boolean;
  visits: number;
  modelCalls: number;
  waiting: 'input' | 'approval' | undefined;
  /** Handoffs it tried that the topology forbids. */
  forbidden: readonly ForbiddenHandoff[];
}

// One shared value (unlike parts.ts' agentOf, which builds one per call): overlays compare
// `forbidden` by reference, so an agent that never ran must keep the same empty list.
const NOTHING: AgentTrace = {
  name: '',
  visits: 0,
  modelCalls: 0,
  waiting: undefined,
  forbidden: [],
  turns: [],
  lastSeq: 0,
};

/** The overlay of one agent node. */
export function traceForAgent(state: TraceState, name: string): AgentOverlay {
  const agent = own(state.agents, name) ?? NOTHING;
  const live = state.status === 'running' || state.status === 'waiting';
  return {
    active: live && state.activeAgent === name,
    streamingText: state.streaming?.agent === name ? state.streaming.text : '',
    visited: agent.visits > 0,
    visits: agent.visits,
    modelCalls: agent.modelCalls,
    waiting: agent.waiting,
    forbidden: agent.forbidden,
  };
}

/** What the canvas shows on an edge. */
export interface EdgeOverlay {
  /** Times the handoff was taken. */
  count: number;
  /** Each crossing with its reason, oldest first (for the edge's detail view). */
  crossings: readonly HandoffCrossing[];
  /** This edge carries the latest handoff: animate it while `lastSeq` is new. */
  latest: boolean;
  /** Seq of its latest crossing (0 when never taken); changes each time it is taken. */
  lastSeq: number;
}

const UNTAKEN: EdgeTrace = { source: '', target: '', count: 0, crossings: [] };

/** The overlay of one edge. */
export function traceForEdge(state: TraceState, source: string, target: string): EdgeOverlay {
  const edge = own(state.edges, edgeKey(source, target)) ?? UNTAKEN;
  const lastSeq = edge.crossings[edge.crossings.length - 1]?.seq ?? 0;
  return {
    count: edge.count,
    crossings: edge.crossings,
    latest:
      state.lastHandoff !== undefined &&
      state.lastHandoff.source === source &&
      state.lastHandoff.target === target,
    lastSeq,
  };
}

/** Every turn of an agent, oldest first (its model calls, what it said and called). */
export function turnsForAgent(state: TraceState, name: string): Turn[] {
  const agent = own(state.agents, name);
  if (!agent) return [];
  return agent.turns.map((i) => get(state.turns, i)).filter((t): t is Turn => t !== undefined);
}

/** The chat items in order. */
export function chatItems(state: TraceState): ChatItem[] {
  return toArray(state.chat);
}

/** The checkpoints reached, oldest first. */
export function checkpointsOf(state: TraceState): { checkpointId: string; seq: number }[] {
  return toArray(state.checkpoints);
}

/** Whether two overlays show the same thing (for `useStore(selector, equal)`). */
export function sameAgentOverlay(a: AgentOverlay, b: AgentOverlay): boolean {
  return (
    a.active === b.active &&
    a.streamingText === b.streamingText &&
    a.visits === b.visits &&
    a.modelCalls === b.modelCalls &&
    a.waiting === b.waiting &&
    a.forbidden === b.forbidden
  );
}

/** Whether two edge overlays show the same thing. */
export function sameEdgeOverlay(a: EdgeOverlay, b: EdgeOverlay): boolean {
  return a.count === b.count && a.latest === b.latest && a.lastSeq === b.lastSeq;
}
