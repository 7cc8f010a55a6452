/**
 * The workflow an Agent Framework trace shows (docs/spec/import-trace.md#the-graph): agents from
 * the `invoke_agent` spans (name, description, instructions when captured, model), handoff edges
 * and function tools from the tool definitions on those spans (`handoff_to_<target>` with its
 * description), the start agent and the agents that never answered from `workflow.build`. AF's own
 * workflow definition draws every handoff workflow all-to-all, so its edges are not used.
 */
import { handoffTargetOf, parseWorkflow, type Workflow } from '../../model';
import { ATTR, isObject, operationOf, parsedAttribute, toolDefinitions } from './genai';
import type { OtlpSpan } from './otlpSpans';
import { text } from './otlpSpans';
import { invalidTrace } from './read';
import type { TraceNote } from './types';

interface AgentSeen {
  name: string;
  description: string;
  instructions?: string;
  model?: string;
  /** From the tool definitions; undefined when the agent never answered. */
  handoffs?: Array<{ target: string; description: string }>;
  tools?: string[];
}

/** The recovered workflow and the notes on what the trace did not hold. */
export function afWorkflow(
  spans: readonly OtlpSpan[],
  approvalTools: ReadonlySet<string>,
): { workflow: Workflow; notes: TraceNote[] } {
  const notes: TraceNote[] = [];
  const agents = new Map<string, AgentSeen>();
  const tools = new Map<string, { name: string; description: string; parameters?: unknown }>();
  let start: string | undefined;
  let name: string | undefined;
  let description: string | undefined;
  const executors: string[] = [];
  let instructionsMissing = false;
  for (const span of spans) {
    if (span.name === 'workflow.build') {
      const definition = parsedAttribute(span, ATTR.workflowDefinition);
      if (isObject(definition)) {
        if (typeof definition.start_executor_id === 'string')
          start ??= definition.start_executor_id;
        if (isObject(definition.executors)) {
          for (const id of Object.keys(definition.executors)) {
            if (!executors.includes(id)) executors.push(id);
          }
        }
      }
      name ??= text(span, ATTR.builderName);
      description ??= text(span, ATTR.builderDescription);
    } else if (span.name === 'workflow.run') {
      name ??= text(span, ATTR.workflowName);
      description ??= text(span, ATTR.workflowDescription);
    } else if (operationOf(span) === 'invoke_agent') {
      const agent = text(span, ATTR.agentName);
      if (!agent || agents.has(agent)) continue;
      const definitions = toolDefinitions(span) ?? [];
      const instructions = systemText(span);
      if (instructions === undefined) instructionsMissing = true;
      const model = text(span, ATTR.requestModel);
      agents.set(agent, {
        name: agent,
        description: text(span, ATTR.agentDescription) ?? '',
        ...(instructions !== undefined ? { instructions } : {}),
        ...(model ? { model } : {}),
        handoffs: definitions.flatMap((d) => {
          const target = handoffTargetOf(d.name);
          return target === undefined ? [] : [{ target, description: d.description }];
        }),
        tools: definitions.filter((d) => handoffTargetOf(d.name) === undefined).map((d) => d.name),
      });
      for (const d of definitions) {
        if (handoffTargetOf(d.name) === undefined && !tools.has(d.name)) tools.set(d.name, d);
      }
    }
  }
  // Agents that never answered: named by the workflow's executors or by handoff targets.
  const targets = [...agents.values()].flatMap((a) => a.handoffs ?? []).map((h) => h.target);
  const unseen = [...executors, ...targets].filter((id) => !agents.has(id));
  for (const id of new Set(unseen)) {
    agents.set(id, { name: id, description: descriptionFromHandoffs(agents, id) });
    notes.push({
      kind: 'missing',
      code: 'agent_never_answered',
      message: `${id} never answered in this trace: its instructions, tools and handoffs are not in it.`,
    });
  }
  if (instructionsMissing) {
    notes.push({
      kind: 'missing',
      code: 'instructions_not_captured',
      message:
        "Agents' instructions are not in the trace (content capture was off); they are left empty.",
    });
  }
  notes.push({
    kind: 'left_out',
    code: 'settings_not_in_trace',
    message:
      'Interaction mode, termination and turn limits are not on the spans: the defaults are used.',
  });
  // AF lists an agent's handoff tools in no fixed order: edges follow the workflow's executors.
  const rank = (name: string): number => {
    const at = executors.indexOf(name);
    return at === -1 ? executors.length : at;
  };
  for (const agent of agents.values()) {
    agent.handoffs?.sort(
      (a, b) => rank(a.target) - rank(b.target) || (a.target < b.target ? -1 : 1),
    );
  }
  const list = [...agents.values()];
  start ??= list[0]?.name ?? '';
  const models = new Set(list.map((a) => a.model).filter((m): m is string => m !== undefined));
  const shared = models.size === 1 ? [...models][0] : undefined;
  const raw = {
    format: 'handoff-workflow',
    version: 1,
    name: (name || 'Imported trace').slice(0, 200),
    ...(description ? { description } : {}),
    startAgent: start,
    ...(shared ? { defaults: { model: shared } } : {}),
    agents: list.map((a) => ({
      name: a.name,
      description: a.description,
      instructions: a.instructions ?? '',
      ...(a.model && a.model !== shared ? { model: a.model } : {}),
      tools: a.tools ?? [],
    })),
    handoffs: list.flatMap((a) =>
      (a.handoffs ?? []).map((h) => ({
        source: a.name,
        target: h.target,
        ...(h.description && h.description !== descriptionOf(agents, h.target)
          ? { description: h.description }
          : {}),
      })),
    ),
    tools: [...tools.values()].map((t) => ({
      name: t.name,
      description: t.description,
      ...(isObject(t.parameters) ? { parameters: t.parameters } : {}),
      ...(approvalTools.has(t.name) ? { approval: 'always_require' } : {}),
    })),
  };
  const parsed = parseWorkflow(raw);
  if (!parsed.ok) {
    const problem = parsed.problems[0];
    throw invalidTrace(
      `the workflow it shows is not valid (${problem?.path}: ${problem?.message})`,
    );
  }
  return { workflow: parsed.doc, notes };
}

const descriptionOf = (agents: Map<string, AgentSeen>, name: string): string | undefined =>
  agents.get(name)?.description;

/** The description of an agent that never answered: the one its callers were shown, if unique. */
function descriptionFromHandoffs(agents: Map<string, AgentSeen>, target: string): string {
  const seen = new Set(
    [...agents.values()]
      .flatMap((a) => a.handoffs ?? [])
      .filter((h) => h.target === target)
      .map((h) => h.description),
  );
  return seen.size === 1 ? [...seen][0]! : '';
}

/** `gen_ai.system_instructions` as text, or undefined when not captured. */
function systemText(span: OtlpSpan): string | undefined {
  const raw = parsedAttribute(span, ATTR.systemInstructions);
  if (!Array.isArray(raw)) return undefined;
  return raw
    .map((part) => (isObject(part) && typeof part.content === 'string' ? part.content : ''))
    .join('');
}
