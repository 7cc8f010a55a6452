/**
 * Termination and continuation rules (docs/spec/run-semantics.md#final-replies, #termination). Pure
 * functions of the document, the run state and the shared transcript; the runner decides *when* to
 * ask them.
 */
import { DEFAULT_TURN_LIMIT, own, type Topology, type Workflow } from '../model';
import type { CompletionReason } from './events';
import type { RunState } from './state';
import type { Transcript } from './transcript';

/**
 * True when a `termination` part holds. Asked when a user message arrives (the opening one
 * included) and after every final reply, never on a handoff or a tool-only reply.
 */
export function terminationHolds(doc: Workflow, state: RunState, transcript: Transcript): boolean {
  const { maxMessages, maxUserMessages, keywords } = doc.termination;
  // "Reaches": a limit of N holds as soon as there are N.
  if (maxMessages !== undefined && transcript.sharedLength >= maxMessages) return true;
  if (maxUserMessages !== undefined && state.userMessages >= maxUserMessages) return true;
  if (keywords && keywords.length > 0) {
    const latest = transcript.latestShared()?.text.toLowerCase();
    if (latest !== undefined && keywords.some((k) => latest.includes(k.toLowerCase()))) {
      return true;
    }
  }
  return false;
}

export function isAutonomousAgent(doc: Workflow, agent: string): boolean {
  const { mode, autonomousAgents } = doc.interaction;
  return (
    mode === 'autonomous' && (autonomousAgents.length === 0 || autonomousAgents.includes(agent))
  );
}

export function turnLimitOf(doc: Workflow, agent: string): number {
  return own(doc.interaction.turnLimits, agent) ?? DEFAULT_TURN_LIMIT;
}

/** What follows a final reply, in the order of docs/spec/run-semantics.md#final-replies. */
export type AfterFinalReply =
  { kind: 'complete'; reason: CompletionReason } | { kind: 'continue' } | { kind: 'ask_user' };

export function decideAfterFinalReply(
  doc: Workflow,
  topology: Topology,
  state: RunState,
  transcript: Transcript,
): AfterFinalReply {
  const agent = state.activeAgent;
  if (terminationHolds(doc, state, transcript)) {
    return { kind: 'complete', reason: 'termination_condition' };
  }
  if (doc.termination.endOnTerminalAgent === true && topology.isTerminal(agent)) {
    return { kind: 'complete', reason: 'terminal_agent' };
  }
  if (isAutonomousAgent(doc, agent) && state.autonomousTurns < turnLimitOf(doc, agent)) {
    return { kind: 'continue' };
  }
  return { kind: 'ask_user' };
}
