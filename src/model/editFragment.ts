/**
 * Copy and paste as a document fragment: the selected agents, the edges among them and the tools
 * they use, as JSON that travels through the system clipboard (so it works between tabs and
 * windows). Pasting makes agent names unique and reuses tools that are identical.
 */
import { z } from 'zod';
import { EditError, uniqueAgentName, uniqueToolName, type EditOutcome } from './editCommon';
import {
  agentSchema,
  FORMAT,
  handoffSchema,
  toolSchema,
  type Agent,
  type Handoff,
  type Tool,
  type Workflow,
} from './schema';
import type { Point } from './editAgents';

export const FRAGMENT_FORMAT = 'handoff-workflow-fragment';

export const fragmentSchema = z.strictObject({
  format: z.literal(FRAGMENT_FORMAT),
  version: z.literal(1),
  agents: z.array(agentSchema),
  handoffs: z.array(handoffSchema).default([]),
  tools: z.array(toolSchema).default([]),
});

/** Agents, the edges among them and the tools they use, detached from any document. */
export type WorkflowFragment = z.infer<typeof fragmentSchema>;

/**
 * The fragment holding `agents` (by name), every edge whose two ends are among them (plus the
 * given extra edge indices when both ends are copied), and the tools those agents list.
 */
export function copyFragment(doc: Workflow, agents: Iterable<string>): WorkflowFragment {
  const names = new Set(agents);
  const picked = doc.agents.filter((a) => names.has(a.name));
  const used = new Set(picked.flatMap((a) => a.tools));
  return {
    format: FRAGMENT_FORMAT,
    version: 1,
    agents: picked,
    handoffs: doc.handoffs.filter((e) => names.has(e.source) && names.has(e.target)),
    tools: doc.tools.filter((t) => used.has(t.name)),
  };
}

/** The fragment as clipboard text. */
export const fragmentToText = (fragment: WorkflowFragment): string =>
  JSON.stringify(fragment, null, 2);

/**
 * Reads clipboard text as a fragment. A whole workflow document is accepted too (its agents,
 * handoffs and tools). Returns `undefined` for anything else, so that pasting ordinary text does
 * nothing.
 */
export function parseFragment(text: string): WorkflowFragment | undefined {
  if (text.length > 5_000_000) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const format = (raw as { format?: unknown }).format;
  if (format === FORMAT) {
    const { agents, handoffs, tools } = raw as Record<string, unknown>;
    raw = { format: FRAGMENT_FORMAT, version: 1, agents, handoffs, tools };
  }
  const parsed = fragmentSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Adds a fragment's agents (names made unique), the edges among them (renamed alike; edges to
 * agents outside the fragment are dropped) and its tools (an identical tool of the same name is
 * reused; a different one is added under a new name and the pasted agents follow). Positions are
 * shifted by `offset`. The outcome lists the new agents and edges, to select them.
 */
export function pasteFragment(
  doc: Workflow,
  fragment: WorkflowFragment,
  offset: Point = { x: 40, y: 40 },
): EditOutcome {
  if (fragment.agents.length === 0) {
    throw new EditError('invalid_fragment', 'There are no agents to paste.');
  }
  const toolNames = new Map<string, string>();
  const tools = doc.tools.slice();
  const taken = new Set(tools.map((t) => t.name));
  for (const tool of fragment.tools) {
    const existing = tools.find((t) => t.name === tool.name);
    if (existing && sameJson(existing, tool)) {
      toolNames.set(tool.name, tool.name);
      continue;
    }
    const name = existing ? uniqueToolName(taken, tool.name) : tool.name;
    taken.add(name);
    toolNames.set(tool.name, name);
    tools.push({ ...tool, name });
  }

  const agentNames = new Map<string, string>();
  const takenAgents = new Set(doc.agents.map((a) => a.name));
  const added: Agent[] = [];
  for (const agent of fragment.agents) {
    const name = uniqueAgentName(takenAgents, agent.name);
    takenAgents.add(name);
    agentNames.set(agent.name, name);
    added.push({
      ...agent,
      name,
      tools: agent.tools.flatMap((t) => {
        const mapped = toolNames.get(t) ?? (taken.has(t) ? t : undefined);
        return mapped === undefined ? [] : [mapped];
      }),
      ...(agent.position
        ? { position: { x: agent.position.x + offset.x, y: agent.position.y + offset.y } }
        : {}),
    });
  }
  const edges: Handoff[] = [];
  for (const edge of fragment.handoffs) {
    const source = agentNames.get(edge.source);
    const target = agentNames.get(edge.target);
    if (source === undefined || target === undefined || source === target) continue;
    if (edges.some((e) => e.source === source && e.target === target)) continue;
    edges.push({ ...edge, source, target });
  }
  const agents = [...doc.agents, ...added];
  const startAgent = doc.startAgent.trim() === '' ? (agents[0]?.name ?? '') : doc.startAgent;
  return {
    doc: { ...doc, startAgent, agents, handoffs: [...doc.handoffs, ...edges], tools },
    agents: added.map((a) => a.name),
    edges: edges.map((_, i) => doc.handoffs.length + i),
  };
}

/** Copies agents (with the edges among them) next to the originals. */
export function duplicateAgents(
  doc: Workflow,
  names: Iterable<string>,
  offset: Point = { x: 40, y: 40 },
): EditOutcome {
  return pasteFragment(doc, copyFragment(doc, names), offset);
}

function sameJson(a: Tool, b: Tool): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
