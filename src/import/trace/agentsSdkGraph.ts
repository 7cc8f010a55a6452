/**
 * The workflow an Agents SDK trace shows when no workflow is open: its agents (agent spans, the
 * ends of handoff spans), each agent's handoff edges (the agent span's `handoffs` list and the
 * hops taken), tools (the agent span's `tools` list; approval when a call waited for one),
 * instructions (the system message, when content was captured) and model. What the spans do not
 * carry — agent descriptions, handoff tool descriptions and tool parameters, unless a span lists
 * tool definitions — is left empty and noted, never made up.
 */
import { TOOL_NAME_PATTERN, parseWorkflow, type Workflow, type WorkflowInput } from '../../model';
import type { SdkToolDefinition } from './agentsSdkContent';
import { agentNameOf, indexLists, targetOfToolName, type Links } from './agentsSdkLink';
import type { AgentNames } from './agentsSdkNames';
import { invalidTrace, type NoteLog } from './agentsSdkNotes';
import type { WalkedSpan } from './agentsSdkTree';

interface AgentFacts {
  instructions?: string;
  model?: string;
  tools: Set<string>;
  targets: Set<string>;
  definitions: Map<string, SdkToolDefinition>;
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export const DEFAULT_WORKFLOW_NAME = 'Imported Agents SDK trace';

function collect(walked: readonly WalkedSpan[], links: Links, names: AgentNames) {
  const facts = new Map<string, AgentFacts>();
  const factsOf = (traceName: string): AgentFacts => {
    const name = names.of(traceName);
    let entry = facts.get(name);
    if (!entry) {
      entry = { tools: new Set(), targets: new Set(), definitions: new Map() };
      facts.set(name, entry);
    }
    return entry;
  };
  const gated = new Set<string>();
  for (const w of walked) {
    const agent = agentNameOf(w);
    if (w.kind === 'agent' && agent !== undefined) {
      const entry = factsOf(agent);
      for (const tool of stringList(w.span.data.tools)) entry.tools.add(tool);
      for (const target of stringList(w.span.data.handoffs)) entry.targets.add(target);
    } else if (w.kind === 'handoff') {
      const { from_agent: from, to_agent: to } = w.span.data;
      if (typeof from === 'string' && typeof to === 'string') {
        factsOf(from).targets.add(to);
        factsOf(to);
      }
    } else if (
      w.kind === 'function' &&
      agent !== undefined &&
      typeof w.span.data.name === 'string'
    ) {
      factsOf(agent).tools.add(w.span.data.name);
      if (links.gatedAlone.has(w.span.id)) gated.add(w.span.data.name);
    } else if ((w.kind === 'generation' || w.kind === 'response') && agent !== undefined) {
      const model = links.models.get(w.span.id);
      const entry = factsOf(agent);
      if (!model) continue;
      entry.instructions ??= model.call.system;
      entry.model ??= model.call.model;
      for (const def of model.call.tools) entry.definitions.set(def.name, def);
      for (const c of model.calls) {
        if (c.gated) gated.add(c.call.name);
        if (c.kind === 'handoff' && c.target !== undefined) {
          const def = entry.definitions.get(c.call.name);
          if (def) entry.definitions.set(`handoff:${c.target}`, def);
        }
      }
    }
  }
  return { facts, gated };
}

/** The workflow of the trace, checked against the document format. */
export function graphFromTrace(
  walked: readonly WalkedSpan[],
  links: Links,
  names: AgentNames,
  workflowName: string | undefined,
  notes: NoteLog,
): Workflow {
  const { facts, gated } = collect(walked, links, names);
  const agents: NonNullable<WorkflowInput['agents']> = [];
  const handoffs: NonNullable<WorkflowInput['handoffs']> = [];
  const tools = new Map<string, NonNullable<WorkflowInput['tools']>[number]>();
  let undescribed = 0;
  for (const [name, entry] of facts) {
    const toolNames = [...entry.tools].filter((tool) => {
      if (TOOL_NAME_PATTERN.test(tool)) return true;
      notes.add(
        'left_out',
        'tool_name_invalid',
        `The tool "${tool}" of ${name} has a name a workflow cannot hold.`,
      );
      return false;
    });
    agents.push({
      name,
      instructions: entry.instructions ?? '',
      ...(entry.model !== undefined ? { model: entry.model } : {}),
      tools: toolNames,
    });
    for (const tool of toolNames) {
      const def = entry.definitions.get(tool);
      const known = tools.get(tool);
      if (known && !def) continue;
      tools.set(tool, {
        name: tool,
        description: def?.description ?? '',
        ...(def?.parameters ? { parameters: def.parameters } : {}),
        approval: gated.has(tool) ? 'always_require' : 'never_require',
      });
    }
    const lists = indexLists([], entry.targets);
    const defined = new Map<string, SdkToolDefinition>();
    for (const def of entry.definitions.values()) {
      const target = targetOfToolName(def.name, lists);
      if (target !== undefined && !defined.has(target)) defined.set(target, def);
    }
    for (const target of entry.targets) {
      const def = entry.definitions.get(`handoff:${target}`) ?? defined.get(target);
      if (def?.description === undefined) undescribed += 1;
      handoffs.push({
        source: name,
        target: names.of(target),
        ...(def?.description !== undefined ? { description: def.description } : {}),
      });
    }
  }
  if (undescribed > 0) {
    notes.add(
      'missing',
      'handoff_description_missing',
      `${undescribed} handoff${undescribed === 1 ? '' : 's'} without a description: Agents SDK ` +
        'spans name the target agents, not the handoff tools the model read.',
    );
  }
  if (agents.length > 0) {
    notes.add(
      'missing',
      'agent_description_missing',
      'Agent descriptions are not in Agents SDK traces.',
    );
  }
  if ([...tools.values()].some((t) => t.parameters === undefined)) {
    notes.add(
      'missing',
      'tool_definition_missing',
      "Tool descriptions and parameters are not in the trace's spans; the tools are listed by name.",
    );
  }
  if (agents.length > 1 && handoffs.length === 0) {
    notes.add(
      'flagged',
      'no_handoffs',
      'The trace names no handoffs; a workflow without handoffs lets every agent hand off to every other.',
    );
  }
  const doc: WorkflowInput = {
    format: 'handoff-workflow',
    version: 1,
    name: (workflowName?.trim() || DEFAULT_WORKFLOW_NAME).slice(0, 200),
    startAgent: agents[0]?.name ?? '',
    agents,
    handoffs,
    tools: [...tools.values()],
  };
  const parsed = parseWorkflow(doc);
  if (!parsed.ok) {
    const problem = parsed.problems[0];
    const where = problem ? `${problem.path}: ${problem.message}` : 'unknown problem';
    throw invalidTrace(`the workflow it shows cannot be a document (${where})`);
  }
  return parsed.doc;
}
