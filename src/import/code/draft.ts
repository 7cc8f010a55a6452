/**
 * What a recogniser found, before it is a document: agents identified by the binding that holds
 * them (never by display name), handoffs between those ids, tools and settings. `finishDraft`
 * turns it into a canonical workflow and notes every adjustment it had to make.
 */
import {
  AGENT_NAME_MAX,
  AGENT_NAME_PATTERN,
  workflowSchema,
  type Interaction,
  type Termination,
  type Workflow,
} from '../../model';
import type { Report } from './report';

export interface DraftAgent {
  /** Stable id within the draft (the binding's scope and name, or the call's position). */
  id: string;
  name: string;
  description: string;
  instructions: string;
  model?: string;
  temperature?: number;
  /** Tool names. */
  tools: string[];
  line: number;
}

export interface DraftEdge {
  source: string;
  target: string;
  description?: string;
  line: number;
}

export interface DraftTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  approval: 'always_require' | 'never_require';
  result?: string;
  line: number;
}

export interface WorkflowDraft {
  name?: string;
  description?: string;
  /** Agent id. */
  start?: string;
  startLine?: number;
  agents: DraftAgent[];
  /** Explicit edges; `mesh: true` means every agent may hand off to every other. */
  edges: DraftEdge[];
  mesh: boolean;
  tools: DraftTool[];
  interaction: Partial<Interaction>;
  termination: Partial<Termination>;
  /** Autonomous mode: agent ids (all of them when every agent is listed) and turn limits. */
  autonomous?: { agents: string[]; turnLimits: Array<[string, number]> };
  defaultModel?: string;
}

export const emptyDraft = (): WorkflowDraft => ({
  agents: [],
  edges: [],
  mesh: false,
  tools: [],
  interaction: {},
  termination: {},
});

/** A valid agent name for `raw` (invalid characters become "_"). */
export function agentName(raw: string): string {
  let name = raw.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!/^[A-Za-z]/.test(name)) name = `a_${name}`;
  return name.slice(0, AGENT_NAME_MAX);
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) [best, bestCount] = [v, n];
  }
  return best;
}

/** The canonical workflow of a draft; every change made to fit the format is reported. */
export function finishDraft(draft: WorkflowDraft, report: Report, fallbackName: string): Workflow {
  const nameOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const agent of draft.agents) {
    let name = AGENT_NAME_PATTERN.test(agent.name) ? agent.name : agentName(agent.name);
    if (name !== agent.name) {
      report.add(
        'approximated',
        agent.line,
        'agent_name_changed',
        `Agent name "${agent.name}" is not a valid name here; it becomes "${name}".`,
      );
    }
    if (taken.has(name)) {
      let n = 2;
      while (taken.has(`${name}_${n}`)) n++;
      const renamed = `${name}_${n}`;
      report.add(
        'approximated',
        agent.line,
        'agent_name_repeated',
        `A second agent is called "${name}"; it becomes "${renamed}".`,
      );
      name = renamed;
    }
    taken.add(name);
    nameOf.set(agent.id, name);
  }

  const models = draft.agents.map((a) => a.model ?? draft.defaultModel);
  // A default model only when every agent names one: an agent without a model keeps none.
  const defaultModel =
    draft.defaultModel ?? (models.every((m) => m !== undefined) ? mostCommon(models) : undefined);
  // One temperature for the workflow: kept when every agent has the same one.
  const temperatures = new Set(draft.agents.map((a) => a.temperature));
  const shared = temperatures.size === 1 ? [...temperatures][0] : undefined;
  const temperature = shared !== undefined && shared >= 0 && shared <= 2 ? shared : undefined;
  draft.agents.forEach((agent) => {
    if (agent.temperature !== undefined && agent.temperature !== temperature) {
      report.add(
        'approximated',
        agent.line,
        'agent_temperature_dropped',
        `Agent "${agent.name}" has its own temperature ${agent.temperature}; Handoff Studio has ` +
          'one temperature for every agent, so it is left out.',
      );
    }
  });

  const toolNames = new Set<string>();
  const tools = draft.tools.filter((t) => {
    if (toolNames.has(t.name)) return false;
    toolNames.add(t.name);
    return true;
  });
  const agents = draft.agents.map((a) => {
    const model = a.model ?? draft.defaultModel;
    return {
      name: nameOf.get(a.id)!,
      description: a.description,
      instructions: a.instructions,
      ...(model !== undefined && model !== defaultModel ? { model } : {}),
      tools: a.tools.filter((t) => toolNames.has(t)),
    };
  });

  const seen = new Set<string>();
  const handoffs = draft.mesh
    ? []
    : draft.edges.flatMap((e) => {
        const source = nameOf.get(e.source);
        const target = nameOf.get(e.target);
        const key = `${e.source}\u0000${e.target}`;
        if (source === undefined || target === undefined || seen.has(key) || source === target) {
          return [];
        }
        seen.add(key);
        return [
          {
            source,
            target,
            ...(e.description !== undefined ? { description: e.description } : {}),
          },
        ];
      });
  if (!draft.mesh && handoffs.length === 0 && agents.length > 1) {
    report.add(
      'approximated',
      0,
      'no_handoffs_mesh',
      'No handoff was found: in Handoff Studio a workflow without handoffs lets every agent ' +
        'hand off to every other.',
    );
  }

  let startAgent = draft.start === undefined ? undefined : nameOf.get(draft.start);
  if (startAgent === undefined && agents[0]) {
    startAgent = agents[0].name;
    report.add(
      'approximated',
      draft.startLine ?? draft.agents[0]?.line ?? 0,
      'start_agent_assumed',
      `No start agent was found; "${startAgent}", the first agent, starts.`,
    );
  }

  return workflowSchema.parse({
    format: 'handoff-workflow',
    version: 1,
    name: (draft.name ?? fallbackName).slice(0, 200) || fallbackName,
    description: draft.description ?? '',
    startAgent: startAgent ?? '',
    agents,
    handoffs,
    tools: tools.map((t) => ({
      name: t.name,
      description: t.description,
      parameters: t.parameters,
      approval: t.approval,
      ...(t.result !== undefined ? { result: t.result } : {}),
    })),
    interaction: { ...draft.interaction, ...autonomous(draft, nameOf) },
    termination: draft.termination,
    defaults: {
      ...(defaultModel !== undefined ? { model: defaultModel } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
    },
  });
}

function autonomous(
  draft: WorkflowDraft,
  nameOf: ReadonlyMap<string, string>,
): Partial<Interaction> {
  if (!draft.autonomous) return {};
  const ids = draft.autonomous.agents.filter((id) => nameOf.has(id));
  const all = draft.agents.every((a) => ids.includes(a.id));
  return {
    mode: 'autonomous',
    autonomousAgents: all ? [] : ids.map((id) => nameOf.get(id)!),
    turnLimits: Object.fromEntries(
      draft.autonomous.turnLimits
        .filter(([id]) => nameOf.has(id))
        .map(([id, n]) => [nameOf.get(id)!, n]),
    ),
  };
}
