/**
 * The adapter between our document and React Flow: the document is the model, React Flow only
 * its view. Pure functions, no React.
 */
import type { Edge, Node } from '@xyflow/react';
import {
  buildTopology,
  handoffDescription,
  type ValidationIssue,
  type Workflow,
} from '../../model';

export interface AgentNodeData extends Record<string, unknown> {
  name: string;
  description: string;
  model: string | undefined;
  tools: Array<{ name: string; approval: boolean }>;
  isStart: boolean;
  isTerminal: boolean;
  problems: { errors: number; warnings: number };
}

export type AgentFlowNode = Node<AgentNodeData, 'agent'>;

const COLUMN = 320;
const ROW = 170;

export function toFlowNodes(doc: Workflow, issues: readonly ValidationIssue[]): AgentFlowNode[] {
  const topology = buildTopology(doc);
  const tools = new Map(doc.tools.map((t) => [t.name, t]));
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const issue of issues) {
    if (!issue.agent || issue.severity === 'info') continue;
    const c = counts.get(issue.agent) ?? { errors: 0, warnings: 0 };
    if (issue.severity === 'error') c.errors++;
    else c.warnings++;
    counts.set(issue.agent, c);
  }
  return doc.agents.map((agent, i) => ({
    id: agent.name,
    type: 'agent',
    position: agent.position ?? { x: (i % 4) * COLUMN, y: Math.floor(i / 4) * ROW },
    data: {
      name: agent.name,
      description: agent.description,
      model: agent.model ?? doc.defaults.model,
      tools: agent.tools.map((name) => ({
        name,
        approval: tools.get(name)?.approval === 'always_require',
      })),
      isStart: agent.name === doc.startAgent,
      isTerminal: topology.isTerminal(agent.name),
      problems: counts.get(agent.name) ?? { errors: 0, warnings: 0 },
    },
  }));
}

export function toFlowEdges(doc: Workflow): Edge[] {
  const topology = buildTopology(doc);
  if (topology.implied) {
    // The implied mesh is drawn dashed and unlabelled: nobody drew these edges.
    return [...topology.agents.keys()].flatMap((source) =>
      topology.targetsOf(source).map((target) => ({
        id: `mesh:${source}->${target}`,
        source,
        target,
        className: 'edge-implied',
        style: { strokeDasharray: '6 4' },
      })),
    );
  }
  return doc.handoffs.map((edge, index) => ({
    id: `edge:${index}`,
    source: edge.source,
    target: edge.target,
    label: handoffDescription(edge.description, edge.target, topology.agents.get(edge.target)),
    markerEnd: { type: 'arrowclosed' as never },
    className: 'edge-handoff',
  }));
}
