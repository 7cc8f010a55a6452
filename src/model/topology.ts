/**
 * Topology analysis (docs/spec/run-semantics.md#topology, #handoff-tools): the effective handoff
 * graph (explicit edges or the implied mesh), each agent's handoff tool catalogue, reachability and
 * terminal agents. Pure functions over a document; all of it is linear in agents + edges, except
 * the mesh, which is never materialised as an edge list.
 */
import type { Agent, Handoff, Tool, Workflow } from './schema';

export const HANDOFF_TOOL_PREFIX = 'handoff_to_';

export const handoffToolName = (target: string): string => `${HANDOFF_TOOL_PREFIX}${target}`;

/** The agent a tool name hands off to (`handoff_to_<target>`), or undefined for other tools. */
export const handoffTargetOf = (toolName: string): string | undefined =>
  toolName.startsWith(HANDOFF_TOOL_PREFIX) && toolName.length > HANDOFF_TOOL_PREFIX.length
    ? toolName.slice(HANDOFF_TOOL_PREFIX.length)
    : undefined;

/**
 * The JSON text a handoff call returns to its caller (docs/spec/run-semantics.md#handoff-tools).
 */
export const handoffResult = (target: string): string => JSON.stringify({ handoff_to: target });

/** The parameters of every handoff tool: one optional `reason`. Shared and frozen. */
export const HANDOFF_PARAMETERS = deepFreeze({
  type: 'object',
  properties: {
    reason: {
      type: 'string',
      description: 'Why the conversation is handed off (shown on the trace).',
    },
  },
  required: [] as string[],
  additionalProperties: false,
});

export interface HandoffTool {
  kind: 'handoff';
  name: string;
  description: string;
  parameters: typeof HANDOFF_PARAMETERS;
  target: string;
  /** Index in `doc.handoffs`; absent for an edge of the implied mesh. */
  edgeIndex?: number;
}

export interface FunctionTool {
  kind: 'function';
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  approval: Tool['approval'];
  tool: Tool;
}

export type CatalogueTool = FunctionTool | HandoffTool;

/** The effective graph of a document, indexed for lookups. */
export interface Topology {
  /** True when the document has no edges: every agent may hand off to every other. */
  readonly implied: boolean;
  /** Agents by name (the first one when names repeat). */
  readonly agents: ReadonlyMap<string, Agent>;
  /** Outbound targets of an agent, in document order (mesh: agents order, self excluded). */
  targetsOf(agent: string): readonly string[];
  /** Outbound edges of an agent that point to known agents (explicit graphs only). */
  edgesOf(agent: string): ReadonlyArray<{ edge: Handoff; index: number }>;
  /** True when the agent has no outbound handoffs and so gets no handoff tools. */
  isTerminal(agent: string): boolean;
  /**
   * Classification of `doc.handoffs[index]`: EDGE_OK, EDGE_SELF, EDGE_UNKNOWN_END, or (>= 0) the
   * index of an earlier edge with the same ends.
   */
  edgeStatus(index: number): number;
}

/** How `buildTopology` classified each explicit edge (see `Topology.edgeStatus`). */
export const EDGE_OK = -1;
export const EDGE_SELF = -2;
export const EDGE_UNKNOWN_END = -3;

export function buildTopology(doc: Workflow): Topology {
  const agents = new Map<string, Agent>();
  for (const agent of doc.agents) if (!agents.has(agent.name)) agents.set(agent.name, agent);
  const implied = doc.handoffs.length === 0;

  const status = new Int32Array(doc.handoffs.length);
  // One entry per source: the index of the first edge to each target (nested maps, not
  // "source|target" keys: building 100,000 concatenated keys cost more than all of validation),
  // and the well-formed outbound edges.
  interface SourceEntry {
    known: boolean;
    first: Map<string, number>;
    edges: Array<{ edge: Handoff; index: number }>;
    targets: string[];
  }
  const sources = new Map<string, SourceEntry>();
  doc.handoffs.forEach((edge, index) => {
    if (edge.source === edge.target) {
      status[index] = EDGE_SELF;
      return;
    }
    let entry = sources.get(edge.source);
    if (!entry) {
      entry = { known: agents.has(edge.source), first: new Map(), edges: [], targets: [] };
      sources.set(edge.source, entry);
    }
    const earlier = entry.first.get(edge.target);
    if (earlier !== undefined) {
      status[index] = earlier;
      return;
    }
    entry.first.set(edge.target, index);
    // Only well-formed edges make the graph; the rest are reported by validate().
    if (!entry.known || !agents.has(edge.target)) {
      status[index] = EDGE_UNKNOWN_END;
      return;
    }
    status[index] = EDGE_OK;
    entry.edges.push({ edge, index });
    entry.targets.push(edge.target);
  });
  const names = [...agents.keys()];
  const none: never[] = [];
  return {
    implied,
    agents,
    targetsOf(agent) {
      if (!agents.has(agent)) return none;
      if (implied) return names.filter((n) => n !== agent);
      return sources.get(agent)?.targets ?? none;
    },
    edgesOf(agent) {
      return sources.get(agent)?.edges ?? none;
    },
    isTerminal(agent) {
      if (implied) return agents.size <= 1;
      return (sources.get(agent)?.targets.length ?? 0) === 0;
    },
    edgeStatus(index) {
      return status[index] ?? EDGE_UNKNOWN_END;
    },
  };
}

/**
 * Description fallback chain of docs/spec/run-semantics.md#handoff-tools: edge, else target, else a
 * generated sentence.
 */
export function handoffDescription(
  edgeDescription: string | undefined,
  target: string,
  targetAgent: Agent | undefined,
): string {
  if (edgeDescription !== undefined && edgeDescription.trim() !== '') return edgeDescription;
  const fromTarget = targetAgent?.description ?? '';
  if (fromTarget.trim() !== '') return fromTarget;
  return `Handoff to the ${target} agent.`;
}

/** The handoff tools an agent's model is offered, one per outbound edge, in edge order. */
export function handoffTools(topology: Topology, agent: string): HandoffTool[] {
  if (topology.implied) {
    return topology.targetsOf(agent).map((target) => ({
      kind: 'handoff',
      name: handoffToolName(target),
      description: handoffDescription(undefined, target, topology.agents.get(target)),
      parameters: HANDOFF_PARAMETERS,
      target,
    }));
  }
  return topology.edgesOf(agent).map(({ edge, index }) => ({
    kind: 'handoff',
    name: handoffToolName(edge.target),
    description: handoffDescription(
      edge.description,
      edge.target,
      topology.agents.get(edge.target),
    ),
    parameters: HANDOFF_PARAMETERS,
    target: edge.target,
    edgeIndex: index,
  }));
}

/**
 * Everything an agent's model is offered: its own tools (in the agent's order, unknown names
 * skipped), then its handoff tools.
 */
export function toolCatalogue(
  doc: Workflow,
  topology: Topology,
  agent: string,
  toolsByName: ReadonlyMap<string, Tool> = indexTools(doc),
): CatalogueTool[] {
  const own = topology.agents.get(agent)?.tools ?? [];
  const functions: FunctionTool[] = [];
  for (const name of own) {
    const tool = toolsByName.get(name);
    if (!tool) continue;
    functions.push({
      kind: 'function',
      name: tool.name,
      description: tool.description,
      parameters: tool.parameters,
      approval: tool.approval,
      tool,
    });
  }
  return [...functions, ...handoffTools(topology, agent)];
}

export function indexTools(doc: Workflow): Map<string, Tool> {
  const map = new Map<string, Tool>();
  for (const tool of doc.tools) if (!map.has(tool.name)) map.set(tool.name, tool);
  return map;
}

/** Agents reachable from `start` by handoffs (start included when it exists). Iterative BFS. */
export function reachableFrom(topology: Topology, start: string): Set<string> {
  const seen = new Set<string>();
  if (!topology.agents.has(start)) return seen;
  if (topology.implied) return new Set(topology.agents.keys());
  const queue = [start];
  seen.add(start);
  for (let i = 0; i < queue.length; i++) {
    for (const next of topology.targetsOf(queue[i]!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Names of agents with no outbound handoffs, in document order. */
export function terminalAgents(topology: Topology): string[] {
  return [...topology.agents.keys()].filter((name) => topology.isTerminal(name));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
