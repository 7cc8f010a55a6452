/**
 * Pure operations on agents. A rename or a delete reaches everything that names the agent: edges,
 * the start agent, autonomous agents, turn limits, and `handoff_to_<name>` mentions in
 * instructions. A rename also rewrites the routing tests' references (route patterns included);
 * a delete leaves them, so that they show as validation issues.
 */
import {
  assertAgentName,
  EditError,
  patchObject,
  uniqueAgentName,
  type EditOutcome,
} from './editCommon';
import { renameInRoutePattern } from './routePattern';
import type { Agent, Workflow } from './schema';
import type { Expectations, TestCase } from './testCases';
import { HANDOFF_TOOL_PREFIX } from './topology';

/** Canvas coordinates of an agent. */
export interface Point {
  x: number;
  y: number;
}

/** Fields of a new agent; its name is made unique (and valid) from `name` or "agent". */
export type NewAgent = Partial<Omit<Agent, 'name'>> & { name?: string };

/**
 * Adds an agent at the end. The name is made unique; when the document has no start agent yet,
 * the new agent becomes it.
 */
export function addAgent(doc: Workflow, fields: NewAgent = {}): EditOutcome {
  const name = uniqueAgentName(doc, fields.name ?? 'agent');
  const agent: Agent = {
    name,
    description: fields.description ?? '',
    instructions: fields.instructions ?? '',
    ...(fields.model !== undefined && fields.model !== '' ? { model: fields.model } : {}),
    tools: (fields.tools ?? []).filter((t) => doc.tools.some((tool) => tool.name === t)),
    ...(fields.position ? { position: roundPoint(fields.position) } : {}),
  };
  const startAgent =
    doc.startAgent.trim() === '' || !hasAgent(doc, doc.startAgent) ? name : doc.startAgent;
  return { doc: { ...doc, startAgent, agents: [...doc.agents, agent] }, agents: [name] };
}

/** Changes fields of one agent (not its name: see `renameAgent`). `model: undefined` or "" clears it. */
export function updateAgent(
  doc: Workflow,
  name: string,
  patch: Partial<Omit<Agent, 'name'>>,
): Workflow {
  const index = agentIndex(doc, name);
  const clean = { ...patch };
  if ('model' in clean && (clean.model === undefined || clean.model.trim() === '')) {
    clean.model = undefined;
  }
  const next = patchObject<Agent>(doc.agents[index]!, clean);
  if (next === doc.agents[index]) return doc;
  const agents = doc.agents.slice();
  agents[index] = next;
  return { ...doc, agents };
}

/**
 * Renames an agent and every reference to it. Refuses an invalid name or one that another agent
 * has. Returns the same document when `from === to`.
 */
export function renameAgent(doc: Workflow, from: string, to: string): Workflow {
  const index = agentIndex(doc, from);
  if (from === to) return doc;
  assertAgentName(to);
  if (hasAgent(doc, to)) {
    throw new EditError('duplicate_agent_name', `An agent named "${to}" already exists.`);
  }
  const mention = new RegExp(`\\b${escapeRegExp(HANDOFF_TOOL_PREFIX + from)}\\b`, 'g');
  const replacement = HANDOFF_TOOL_PREFIX + to;
  const agents = doc.agents.map((agent, i) => {
    const renamed = i === index ? { ...agent, name: to } : agent;
    const instructions = renamed.instructions.replace(mention, replacement);
    return instructions === renamed.instructions ? renamed : { ...renamed, instructions };
  });
  const handoffs = doc.handoffs.some((e) => e.source === from || e.target === from)
    ? doc.handoffs.map((e) =>
        e.source === from || e.target === from
          ? {
              ...e,
              source: e.source === from ? to : e.source,
              target: e.target === from ? to : e.target,
            }
          : e,
      )
    : doc.handoffs;
  const { autonomousAgents, turnLimits } = doc.interaction;
  const interaction =
    autonomousAgents.includes(from) || Object.hasOwn(turnLimits, from)
      ? {
          ...doc.interaction,
          autonomousAgents: autonomousAgents.map((n) => (n === from ? to : n)),
          turnLimits: renameKey(turnLimits, from, to),
        }
      : doc.interaction;
  return {
    ...doc,
    startAgent: doc.startAgent === from ? to : doc.startAgent,
    agents,
    handoffs,
    interaction,
    ...(doc.tests ? { tests: renameAgentInTests(doc.tests, from, to) } : {}),
  };
}

/**
 * The routing tests with every reference to agent `from` renamed to `to`: route patterns,
 * reaches, avoids, avoided handoffs, the end agent, and the agents of tool and message
 * expectations. Unchanged cases (and an unchanged list) are returned as they were.
 */
export function renameAgentInTests(tests: TestCase[], from: string, to: string): TestCase[] {
  const name = (n: string): string => (n === from ? to : n);
  const names = (list: string[] | undefined) => (list?.includes(from) ? list.map(name) : list);
  let changed = false;
  const out = tests.map((test) => {
    const e = test.expect;
    const next: Expectations = {
      ...e,
      ...(e.route !== undefined ? { route: renameInRoutePattern(e.route, from, to) } : {}),
      ...(e.reaches ? { reaches: names(e.reaches) } : {}),
      ...(e.avoids ? { avoids: names(e.avoids) } : {}),
      ...(e.avoidsHandoffs
        ? {
            avoidsHandoffs: e.avoidsHandoffs.map((h) =>
              h.source === from || h.target === from
                ? { ...h, source: name(h.source), target: name(h.target) }
                : h,
            ),
          }
        : {}),
      ...(e.endAgent !== undefined ? { endAgent: name(e.endAgent) } : {}),
      ...(e.tools
        ? { tools: e.tools.map((t) => (t.agent === from ? { ...t, agent: to } : t)) }
        : {}),
      ...(e.messages
        ? { messages: e.messages.map((m) => (m.agent === from ? { ...m, agent: to } : m)) }
        : {}),
    };
    if (JSON.stringify(next) === JSON.stringify(e)) return test;
    changed = true;
    return { ...test, expect: next };
  });
  return changed ? out : tests;
}

/**
 * Deletes agents with their edges and their settings (autonomous agents, turn limits). When the
 * start agent goes, the first remaining agent becomes the start agent ("" when none remains).
 * Unknown names are ignored.
 */
export function deleteAgents(doc: Workflow, names: Iterable<string>): Workflow {
  const gone = new Set(names);
  if (!doc.agents.some((a) => gone.has(a.name))) return doc;
  const agents = doc.agents.filter((a) => !gone.has(a.name));
  const handoffs = doc.handoffs.filter((e) => !gone.has(e.source) && !gone.has(e.target));
  const { autonomousAgents, turnLimits } = doc.interaction;
  const touchesSettings =
    autonomousAgents.some((n) => gone.has(n)) ||
    Object.keys(turnLimits).some((key) => gone.has(key));
  return {
    ...doc,
    startAgent: gone.has(doc.startAgent) ? (agents[0]?.name ?? '') : doc.startAgent,
    agents,
    handoffs: handoffs.length === doc.handoffs.length ? doc.handoffs : handoffs,
    interaction: touchesSettings
      ? {
          ...doc.interaction,
          autonomousAgents: autonomousAgents.filter((n) => !gone.has(n)),
          turnLimits: Object.fromEntries(
            Object.entries(turnLimits).filter(([key]) => !gone.has(key)),
          ),
        }
      : doc.interaction,
  };
}

/** Moves agents to the given positions (rounded to whole pixels). Unknown names are ignored. */
export function moveAgents(
  doc: Workflow,
  positions: ReadonlyMap<string, Point> | Readonly<Record<string, Point>>,
): Workflow {
  const get =
    positions instanceof Map
      ? (name: string) => positions.get(name)
      : (name: string) =>
          Object.hasOwn(positions, name) ? (positions as Record<string, Point>)[name] : undefined;
  let changed = false;
  const agents = doc.agents.map((agent) => {
    const target = get(agent.name);
    if (!target) return agent;
    const position = roundPoint(target);
    if (agent.position && agent.position.x === position.x && agent.position.y === position.y) {
      return agent;
    }
    changed = true;
    return { ...agent, position };
  });
  return changed ? { ...doc, agents } : doc;
}

/** Index of the agent called `name`; refuses an unknown name. */
export function agentIndex(doc: Workflow, name: string): number {
  const index = doc.agents.findIndex((a) => a.name === name);
  if (index < 0) throw new EditError('unknown_agent', `There is no agent named "${name}".`);
  return index;
}

const hasAgent = (doc: Workflow, name: string): boolean => doc.agents.some((a) => a.name === name);

const roundPoint = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });

function renameKey<V>(record: Record<string, V>, from: string, to: string): Record<string, V> {
  if (!Object.hasOwn(record, from)) return record;
  const out: Record<string, V> = {};
  for (const [key, value] of Object.entries(record)) out[key === from ? to : key] = value;
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
