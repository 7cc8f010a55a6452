/**
 * What the engine offers each agent's model: its tool catalogue (own tools, then handoff tools),
 * built once per agent and invocation, plus the event and id helpers of a reply.
 */
import {
  indexTools,
  toolCatalogue,
  type CatalogueTool,
  type Tool,
  type Topology,
  type Workflow,
} from '../model';
import type { RunEventBody } from './events';
import type { ModelToolCall, ToolSpec } from './provider';
import { defaultCallId } from './script';
import type { NextStep, OpenRequest } from './state';
import type { StoredRunStatus } from './runStatus';

export interface AgentCatalogue {
  /** Offered tools by name: what a call is checked against. */
  offered: Map<string, CatalogueTool>;
  /** The same tools as the provider receives them. */
  specs: ToolSpec[];
}

export class Catalogues {
  /** The document's tools by name. */
  readonly tools: ReadonlyMap<string, Tool>;
  private readonly cache = new Map<string, AgentCatalogue>();

  constructor(
    private readonly doc: Workflow,
    private readonly topology: Topology,
  ) {
    this.tools = indexTools(doc);
  }

  of(agent: string): AgentCatalogue {
    let entry = this.cache.get(agent);
    if (!entry) {
      const catalogue = toolCatalogue(this.doc, this.topology, agent, this.tools);
      entry = {
        offered: new Map(catalogue.map((tool) => [tool.name, tool])),
        specs: catalogue.map(({ name, description, parameters }) => ({
          name,
          description,
          parameters,
        })),
      };
      this.cache.set(agent, entry);
    }
    return entry;
  }
}

export function requestEvent(request: OpenRequest): RunEventBody {
  if (request.kind === 'input') {
    return { type: 'input_requested', requestId: request.requestId, agent: request.agent };
  }
  const { requestId, agent, callId, name } = request;
  return {
    type: 'approval_requested',
    requestId,
    agent,
    callId,
    name,
    arguments: request.arguments,
  };
}

export function statusOf(next: NextStep): StoredRunStatus {
  if (next.kind === 'input' || next.kind === 'approval') return 'paused';
  if (next.kind === 'completed') return 'completed';
  return 'running';
}

/** Provider call ids must pair calls with results: fill in missing or repeated ones. */
export function withUniqueIds(
  calls: readonly ModelToolCall[],
  agent: string,
  callIndex: number,
): ModelToolCall[] {
  const seen = new Set<string>();
  return calls.map((call, i) => {
    const id = call.id === '' || seen.has(call.id) ? defaultCallId(agent, callIndex, i) : call.id;
    seen.add(id);
    return { id, name: call.name, arguments: call.arguments ?? '' };
  });
}
