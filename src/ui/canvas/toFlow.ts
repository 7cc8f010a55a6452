/**
 * The adapter between our document and React Flow: the document is the model, React Flow only
 * its view. No React here. The node and edge builders keep a cache so that an edit that touches
 * one agent gives new objects for that agent only (a memoized node then skips re-rendering, which
 * keeps a 500-agent canvas responsive while dragging or typing).
 *
 * A node carries only what React Flow and the minimap need (name, place, markers); what is
 * written on it (description, model, tools) the node reads from the document itself, so that
 * typing a description changes no React Flow node and wakes none of its thousands of edges.
 *
 * Nodes and edges are identified by the store's view ids (`src/store/identity.ts`), never by
 * name or index: two agents with one name are two nodes. A handoff names its ends, so with a
 * duplicated name it attaches to the first agent of that name (the one the engine resolves the
 * name to); the duplicate itself is a validation error listed in Problems.
 */
import type { Edge, Node } from '@xyflow/react';
import {
  EDGE_OK,
  handoffDescription,
  type Agent,
  type Topology,
  type ValidationIssue,
  type Workflow,
} from '../../model';
import type { DocIds } from '../../store/identity';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** The first error or warning, for the marker's tooltip. */
  first: string | undefined;
}

export interface AgentNodeData extends Record<string, unknown> {
  name: string;
  isStart: boolean;
  isTerminal: boolean;
  problems: ProblemCounts;
}

export type AgentFlowNode = Node<AgentNodeData, 'agent'>;

export interface HandoffEdgeData extends Record<string, unknown> {
  index: number;
  /** The ends' agent names (the edge's `source`/`target` are node ids). */
  from: string;
  to: string;
  /** The tool description the source model reads (after the fallback chain). */
  label: string;
  /** True when the edge has its own description (else the label is a fallback). */
  own: boolean;
  severity: 'error' | 'warning' | undefined;
  problem: string | undefined;
}

export type HandoffFlowEdge = Edge<HandoffEdgeData, 'handoff'>;

const COLUMN = 320;
const ROW = 190;
const NO_PROBLEMS: ProblemCounts = Object.freeze({ errors: 0, warnings: 0, first: undefined });

/** Where an agent without a stored position is drawn: a grid in document order. */
export const fallbackPosition = (index: number) => ({
  x: (index % 4) * COLUMN,
  y: Math.floor(index / 4) * ROW,
});

/** Error and warning counts per agent and per edge index. */
export interface ProblemIndex {
  agents: Map<string, ProblemCounts>;
  edges: Map<number, ProblemCounts>;
}

export function indexProblems(issues: readonly ValidationIssue[]): ProblemIndex {
  const agents = new Map<string, ProblemCounts>();
  const edges = new Map<number, ProblemCounts>();
  const add = <K>(map: Map<K, ProblemCounts>, key: K, issue: ValidationIssue) => {
    const c = map.get(key) ?? { errors: 0, warnings: 0, first: undefined };
    if (issue.severity === 'error') c.errors++;
    else c.warnings++;
    c.first ??= issue.message;
    map.set(key, c);
  };
  for (const issue of issues) {
    if (issue.severity === 'info') continue;
    if (issue.edge) add(edges, issue.edge.index, issue);
    else if (issue.agent !== undefined) add(agents, issue.agent, issue);
  }
  return { agents, edges };
}

interface NodeCacheEntry {
  name: string;
  position: Agent['position'];
  index: number;
  isStart: boolean;
  isTerminal: boolean;
  problems: ProblemCounts;
  selected: boolean;
  size: Size | undefined;
  node: AgentFlowNode;
}

/** A measured node size. */
export interface Size {
  width: number;
  height: number;
}

/** A node builder with a cache; call it with each new state. */
export function createNodeBuilder() {
  let cache = new Map<string, NodeCacheEntry>();
  let last: AgentFlowNode[] = [];
  return function buildNodes(
    doc: Workflow,
    ids: DocIds,
    topology: Topology,
    problems: ProblemIndex,
    selected: ReadonlySet<string>,
    sizes: ReadonlyMap<string, Size>,
  ): AgentFlowNode[] {
    const next = new Map<string, NodeCacheEntry>();
    const nodes: AgentFlowNode[] = [];
    let reused = 0;
    const startIndex = doc.agents.findIndex((a) => a.name === doc.startAgent);
    doc.agents.forEach((agent, index) => {
      const id = ids.agents[index]!;
      // With a duplicated name, the start agent is the first of them (as for the engine).
      const isStart = index === startIndex;
      const isTerminal = topology.isTerminal(agent.name);
      const counts = problems.agents.get(agent.name) ?? NO_PROBLEMS;
      const isSelected = selected.has(id);
      const old = cache.get(id);
      const size = sizes.get(id);
      if (
        old &&
        old.name === agent.name &&
        old.position === agent.position &&
        (agent.position !== undefined || old.index === index) &&
        old.isStart === isStart &&
        old.isTerminal === isTerminal &&
        sameCounts(old.problems, counts) &&
        old.selected === isSelected &&
        old.size === size
      ) {
        next.set(id, old);
        nodes.push(old.node);
        if (last[nodes.length - 1] === old.node) reused++;
        return;
      }
      const node: AgentFlowNode = {
        id,
        type: 'agent',
        position: agent.position ?? fallbackPosition(index),
        selected: isSelected,
        // React Flow keeps handle positions only for nodes that carry their measured size, and
        // the minimap draws only those: a rebuilt node must keep it.
        ...(size ? { measured: size } : {}),
        ariaLabel: nodeLabel(agent.name, isStart, isTerminal, counts),
        data: { name: agent.name, isStart, isTerminal, problems: counts },
      };
      next.set(id, {
        name: agent.name,
        position: agent.position,
        index,
        isStart,
        isTerminal,
        problems: counts,
        selected: isSelected,
        size,
        node,
      });
      nodes.push(node);
    });
    cache = next;
    // Nothing changed at all: hand back the same array so React Flow skips its diff.
    if (reused === nodes.length && nodes.length === last.length) return last;
    last = nodes;
    return nodes;
  };
}

function nodeLabel(name: string, start: boolean, terminal: boolean, p: ProblemCounts): string {
  const parts = [start && 'start agent', terminal && 'terminal'].filter(Boolean);
  if (p.errors) parts.push(`${p.errors} error${p.errors > 1 ? 's' : ''}`);
  if (p.warnings) parts.push(`${p.warnings} warning${p.warnings > 1 ? 's' : ''}`);
  return `Agent ${name}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

const sameCounts = (a: ProblemCounts, b: ProblemCounts) =>
  a === b || (a.errors === b.errors && a.warnings === b.warnings && a.first === b.first);

/** Beyond this many agents the implied mesh is not drawn (n² edges); a note says so. */
export const MESH_DRAW_LIMIT = 12;

/** An edge builder with a cache, like `createNodeBuilder`. */
export function createEdgeBuilder() {
  let cache: HandoffFlowEdge[] = [];
  let cacheDoc: Workflow | undefined;
  return function buildEdges(
    doc: Workflow,
    ids: DocIds,
    topology: Topology,
    problems: ProblemIndex,
    selected: ReadonlySet<string>,
  ): Edge[] {
    // The node of each name: the first agent with it.
    const nodeOf = new Map<string, string>();
    doc.agents.forEach((a, i) => {
      if (!nodeOf.has(a.name)) nodeOf.set(a.name, ids.agents[i]!);
    });
    const node = (name: string) => nodeOf.get(name) ?? `missing:${name}`;
    if (topology.implied) {
      cache = [];
      if (doc.agents.length > MESH_DRAW_LIMIT) return [];
      return doc.agents.flatMap((a, i) =>
        nodeOf.get(a.name) !== ids.agents[i]
          ? []
          : topology.targetsOf(a.name).map((target) => ({
              id: `mesh:${node(a.name)}->${node(target)}`,
              type: 'mesh',
              source: node(a.name),
              target: node(target),
              className: 'edge-implied',
              selectable: false,
              focusable: false,
              ariaLabel: `Implied handoff from ${a.name} to ${target}`,
            })),
      );
    }
    let reused = 0;
    const edges = doc.handoffs.map((edge, index): HandoffFlowEdge => {
      const label = handoffDescription(
        edge.description,
        edge.target,
        topology.agents.get(edge.target),
      );
      const counts = problems.edges.get(index);
      const severity = counts ? (counts.errors ? 'error' : 'warning') : undefined;
      const id = ids.edges[index]!;
      const source = node(edge.source);
      const target = node(edge.target);
      const isSelected = selected.has(id);
      const old = cache[index];
      if (
        old &&
        cacheDoc?.handoffs[index] === edge &&
        old.id === id &&
        old.source === source &&
        old.target === target &&
        old.data?.label === label &&
        old.data.severity === severity &&
        old.data.problem === counts?.first &&
        old.selected === isSelected
      ) {
        reused++;
        return old;
      }
      const broken = topology.edgeStatus(index) !== EDGE_OK;
      return {
        id,
        type: 'handoff',
        source,
        target,
        selected: isSelected,
        // An edge to a missing agent cannot be drawn; it is still listed in Problems.
        hidden: broken && !(topology.agents.has(edge.source) && topology.agents.has(edge.target)),
        ariaLabel: `Handoff from ${edge.source} to ${edge.target}: ${label}`,
        data: {
          index,
          from: edge.source,
          to: edge.target,
          label,
          own: edge.description !== undefined && edge.description.trim() !== '',
          severity,
          problem: counts?.first,
        },
      };
    });
    cacheDoc = doc;
    // Nothing changed (a drag, an edit elsewhere): the same array, so React Flow skips rebuilding
    // its connection lookup, which costs more than everything else on a 2,000-edge graph.
    if (reused === edges.length && edges.length === cache.length) return cache;
    cache = edges;
    return edges;
  };
}
