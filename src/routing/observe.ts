/**
 * What a run's events show (docs/spec/tests.md#expectations): the path of agents in control,
 * handoffs, handoff attempts (allowed or not by the topology), how the run ended, counts.
 * Structured event fields only.
 */
import type { RunEvent } from '../engine';
import { buildTopology, type Topology, type Workflow } from '../model';
import type { Observation, SampleOutcome } from './types';

export function observe(
  events: readonly RunEvent[],
  doc: Workflow,
  topology: Topology = buildTopology(doc),
): Observation {
  const path: string[] = [];
  const handoffs: Observation['handoffs'] = [];
  const attempts: Observation['attempts'] = [];
  const openInputs = new Set<string>();
  const openApprovals = new Set<string>();
  let current: string | undefined;
  let ended: Pick<Observation, 'outcome' | 'completion' | 'error'> | undefined;
  let modelCalls = 0;
  let tokens = 0;
  for (const event of events) {
    switch (event.type) {
      case 'agent_started':
        modelCalls++;
        if (path.length === 0) path.push(event.agent);
        current = event.agent;
        break;
      case 'handoff':
        if (path.length === 0) path.push(event.from);
        path.push(event.to);
        handoffs.push({ from: event.from, to: event.to });
        current = event.to;
        break;
      case 'tool_call':
        if (event.handoffTarget !== undefined) {
          attempts.push({
            agent: event.agent,
            target: event.handoffTarget,
            callId: event.callId,
            allowed: topology.targetsOf(event.agent).includes(event.handoffTarget),
          });
        }
        break;
      case 'usage':
        tokens += event.totalTokens;
        break;
      case 'input_requested':
        openInputs.add(event.requestId);
        current = event.agent;
        break;
      case 'user_message':
        openInputs.clear();
        break;
      case 'approval_requested':
        openApprovals.add(event.requestId);
        current = event.agent;
        break;
      case 'approval_resolved':
        openApprovals.delete(event.requestId);
        break;
      case 'completed':
        ended = { outcome: 'completed', completion: event.reason };
        break;
      case 'failed':
        ended = {
          outcome: 'failed',
          error: { code: event.error.code, message: event.error.message },
        };
        break;
      case 'stopped':
        ended = { outcome: 'stopped' };
        break;
      case 'run_resumed':
        // A resume continues the same run: what was open is asked again, nothing has ended.
        ended = undefined;
        break;
    }
  }
  const outcome: SampleOutcome =
    ended?.outcome ??
    (openApprovals.size > 0
      ? 'awaiting_approval'
      : openInputs.size > 0
        ? 'asking_user'
        : 'stopped');
  return {
    path,
    handoffs,
    attempts,
    ...ended,
    outcome,
    ...(current !== undefined ? { endAgent: current } : {}),
    modelCalls,
    tokens,
  };
}
