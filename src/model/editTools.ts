/**
 * Pure operations on tools. A rename or a delete reaches every agent that lists the tool; a
 * rename also reaches the routing tests' tool expectations (a delete leaves them, as issues).
 */
import { EditError, patchObject, uniqueToolName } from './editCommon';
import { TOOL_NAME_PATTERN, type Tool, type Workflow } from './schema';
import type { TestCase } from './testCases';

/** Fields of a new tool; its name is made unique from `name` or "tool". */
export type NewTool = Partial<Tool>;

/** Adds a tool (not yet given to any agent). Returns the document and the tool's name. */
export function addTool(doc: Workflow, fields: NewTool = {}): { doc: Workflow; name: string } {
  const name = uniqueToolName(doc, fields.name ?? 'tool');
  const tool: Tool = {
    name,
    description: fields.description ?? '',
    parameters: fields.parameters ?? { type: 'object', properties: {} },
    approval: fields.approval ?? 'never_require',
    ...(fields.result !== undefined ? { result: fields.result } : {}),
  };
  return { doc: { ...doc, tools: [...doc.tools, tool] }, name };
}

/** Changes fields of one tool (not its name: see `renameTool`). `result: undefined` clears it. */
export function updateTool(
  doc: Workflow,
  name: string,
  patch: Partial<Omit<Tool, 'name'>>,
): Workflow {
  const index = toolIndex(doc, name);
  const next = patchObject<Tool>(doc.tools[index]!, patch);
  if (next === doc.tools[index]) return doc;
  const tools = doc.tools.slice();
  tools[index] = next;
  return { ...doc, tools };
}

/** Renames a tool and every agent's reference to it. Refuses an invalid or taken name. */
export function renameTool(doc: Workflow, from: string, to: string): Workflow {
  const index = toolIndex(doc, from);
  if (from === to) return doc;
  if (!TOOL_NAME_PATTERN.test(to)) {
    throw new EditError(
      'invalid_tool_name',
      `"${to}" is not a valid tool name: letters, digits, "_" or "-" (64 at most).`,
    );
  }
  if (doc.tools.some((t) => t.name === to)) {
    throw new EditError('duplicate_tool_name', `A tool named "${to}" already exists.`);
  }
  const tools = doc.tools.slice();
  tools[index] = { ...tools[index]!, name: to };
  const agents = doc.agents.map((agent) =>
    agent.tools.includes(from)
      ? { ...agent, tools: agent.tools.map((t) => (t === from ? to : t)) }
      : agent,
  );
  return {
    ...doc,
    tools,
    agents,
    ...(doc.tests ? { tests: renameToolInTests(doc.tests, from, to) } : {}),
  };
}

/** The routing tests with every tool expectation on `from` renamed to `to`. */
export function renameToolInTests(tests: TestCase[], from: string, to: string): TestCase[] {
  let changed = false;
  const out = tests.map((test) => {
    const tools = test.expect.tools;
    if (!tools?.some((t) => t.name === from)) return test;
    changed = true;
    const renamed = tools.map((t) => (t.name === from ? { ...t, name: to } : t));
    return { ...test, expect: { ...test.expect, tools: renamed } };
  });
  return changed ? out : tests;
}

/** Deletes a tool and removes it from every agent. */
export function deleteTool(doc: Workflow, name: string): Workflow {
  toolIndex(doc, name);
  return {
    ...doc,
    tools: doc.tools.filter((t) => t.name !== name),
    agents: doc.agents.map((agent) =>
      agent.tools.includes(name)
        ? { ...agent, tools: agent.tools.filter((t) => t !== name) }
        : agent,
    ),
  };
}

/** Gives a tool to an agent, or takes it away. */
export function setAgentTool(doc: Workflow, agent: string, tool: string, on: boolean): Workflow {
  toolIndex(doc, tool);
  const index = doc.agents.findIndex((a) => a.name === agent);
  const current = doc.agents[index];
  if (!current) throw new EditError('unknown_agent', `There is no agent named "${agent}".`);
  if (current.tools.includes(tool) === on) return doc;
  const agents = doc.agents.slice();
  agents[index] = {
    ...current,
    tools: on ? [...current.tools, tool] : current.tools.filter((t) => t !== tool),
  };
  return { ...doc, agents };
}

function toolIndex(doc: Workflow, name: string): number {
  const index = doc.tools.findIndex((t) => t.name === name);
  if (index < 0) throw new EditError('unknown_tool', `There is no tool named "${name}".`);
  return index;
}
