/**
 * What every code exporter needs from a document, computed once: the agents and tools that will
 * be emitted, the effective edges with their descriptions
 * (docs/spec/run-semantics.md#handoff-tools), terminal agents, the start agent, and every part of
 * the document that had to be left out because it is not well-formed. Such parts are never dropped
 * silently: each one becomes a note that the exporters print in the generated file's header.
 */
import type { Agent, Tool, Workflow } from '../schema';
import { buildTopology, handoffDescription, terminalAgents, type Topology } from '../topology';
import { commentValue } from './literals';

export interface PlannedEdge {
  source: string;
  target: string;
  /** Effective description: edge, else target description, else a generated sentence. */
  description: string;
  /** Index in `doc.handoffs`; absent for the implied mesh. */
  index?: number;
}

export interface ExportPlan {
  doc: Workflow;
  topology: Topology;
  /** Agents to emit: first of each name, in document order. */
  agents: Agent[];
  /** Tools to emit: first of each name, in document order. */
  tools: Tool[];
  /** The agent that receives the first message (the document's, else the first agent). */
  start: string | undefined;
  /**
   * Explicit well-formed edges. Empty for the implied mesh (`topology.implied`): n agents imply
   * n×(n−1) edges, which are never materialised; Agent Framework builds the mesh itself when no
   * handoff is added, and the Mermaid export draws it from `topology`.
   */
  edges: PlannedEdge[];
  /** Names of agents with no outbound handoffs. */
  terminal: string[];
  /** Tools of each agent that exist in `tools`, in the agent's order. */
  toolsOf(agent: string): Tool[];
  /** Problems with the document that made the exporter leave something out (plain text). */
  notes: string[];
}

/** Analyses a document for the code exporters. */
export function planExport(doc: Workflow): ExportPlan {
  const topology = buildTopology(doc);
  const notes: string[] = [];
  const agents = [...topology.agents.values()];
  doc.agents.forEach((agent, i) => {
    if (topology.agents.get(agent.name) !== agent) {
      notes.push(`agents[${i}] repeats the name ${commentValue(agent.name)}; it is left out.`);
    }
  });

  const toolMap = new Map<string, Tool>();
  doc.tools.forEach((tool, i) => {
    if (toolMap.has(tool.name)) {
      notes.push(`tools[${i}] repeats the name ${commentValue(tool.name)}; it is left out.`);
    } else toolMap.set(tool.name, tool);
  });
  const toolsOf = (name: string): Tool[] => {
    const agent = topology.agents.get(name);
    if (!agent) return [];
    return agent.tools.flatMap((t) => {
      const tool = toolMap.get(t);
      return tool ? [tool] : [];
    });
  };
  for (const agent of agents) {
    for (const t of agent.tools) {
      if (!toolMap.has(t)) {
        notes.push(
          `Agent ${commentValue(agent.name)} names the unknown tool ${commentValue(t)}; ` +
            'it is left out.',
        );
      }
    }
  }

  let start: string | undefined = doc.startAgent;
  if (!topology.agents.has(doc.startAgent)) {
    start = agents[0]?.name;
    notes.push(
      `startAgent ${commentValue(doc.startAgent)} is not an agent; ` +
        (start === undefined
          ? 'there is no agent to start with.'
          : `using ${commentValue(start)}.`),
    );
  }

  const edges: PlannedEdge[] = [];
  if (!topology.implied) {
    const kept = new Set<number>();
    for (const agent of agents) {
      for (const { edge, index } of topology.edgesOf(agent.name)) {
        kept.add(index);
        edges.push({
          source: edge.source,
          target: edge.target,
          description: handoffDescription(
            edge.description,
            edge.target,
            topology.agents.get(edge.target),
          ),
          index,
        });
      }
    }
    edges.sort((a, b) => a.index! - b.index!);
    doc.handoffs.forEach((edge, i) => {
      if (kept.has(i)) return;
      const why =
        edge.source === edge.target
          ? 'is a self-edge'
          : !topology.agents.has(edge.source) || !topology.agents.has(edge.target)
            ? 'names an unknown agent'
            : 'repeats an earlier edge';
      notes.push(
        `handoffs[${i}] (${commentValue(edge.source)} -> ${commentValue(edge.target)}) ${why}; ` +
          'it is left out.',
      );
    });
    if (edges.length === 0) {
      notes.push(
        'Every handoff was left out: Agent Framework treats a workflow without handoffs as a ' +
          'full mesh, while the document makes every agent terminal.',
      );
    }
  }

  const { interaction } = doc;
  if (interaction.mode === 'autonomous') {
    for (const name of interaction.autonomousAgents) {
      if (!topology.agents.has(name)) {
        notes.push(
          `interaction.autonomousAgents names the unknown agent ${commentValue(name)}; ` +
            'it is left out.',
        );
      }
    }
    for (const name of Object.keys(interaction.turnLimits)) {
      if (!topology.agents.has(name)) {
        notes.push(
          `interaction.turnLimits names the unknown agent ${commentValue(name)}; it is left out.`,
        );
      }
    }
  }

  return {
    doc,
    topology,
    agents,
    tools: [...toolMap.values()],
    start,
    edges,
    terminal: terminalAgents(topology),
    toolsOf,
    notes,
  };
}

/** Agents that continue autonomously (autonomous mode only; empty list = all agents). */
export function autonomousAgentNames(plan: ExportPlan): string[] {
  const listed = plan.doc.interaction.autonomousAgents.filter((n) => plan.topology.agents.has(n));
  return listed.length > 0 ? [...new Set(listed)] : plan.agents.map((a) => a.name);
}

/** The turn limit of every known agent named in `turnLimits`. */
export function knownTurnLimits(plan: ExportPlan): Array<[string, number]> {
  return Object.entries(plan.doc.interaction.turnLimits).filter(([name]) =>
    plan.topology.agents.has(name),
  );
}
