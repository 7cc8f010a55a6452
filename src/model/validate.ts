/**
 * `validateWorkflow(doc)`: every topology and settings problem of a parsed document, as issues
 * with stable codes (see issues.ts). Runs on every edit in the designer and before every run, so
 * it is one linear pass over agents, edges and tools.
 */
import { issue, type ValidationIssue } from './issues';
import { impliedMeshExcess } from './limits';
import { formatPath } from './path';
import {
  AGENT_NAME_MAX,
  AGENT_NAME_PATTERN,
  DEFAULT_TURN_LIMIT,
  type Handoff,
  type Workflow,
} from './schema';
import { buildTopology, EDGE_OK, EDGE_SELF, reachableFrom, type Topology } from './topology';
import { validateTools } from './validateTools';
import { validateTests } from './validateTests';
import { stronglyConnected } from './graph';
import { own } from './own';

export function validateWorkflow(doc: Workflow, topology = buildTopology(doc)): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkAgents(doc, issues);
  checkStart(doc, topology, issues);
  checkEdges(doc, topology, issues);
  validateTools(doc, topology, issues);
  checkSettings(doc, topology, issues);
  checkReachability(doc, topology, issues);
  checkAutonomousCycles(doc, topology, issues);
  validateTests(doc, topology, issues);
  return issues;
}

function checkAgents(doc: Workflow, issues: ValidationIssue[]): void {
  if (doc.agents.length === 0) {
    issues.push(issue('no_agents', 'agents', 'The workflow has no agents; add at least one.'));
  }
  const firstIndex = new Map<string, number>();
  doc.agents.forEach((agent, i) => {
    const path = `agents[${i}]`;
    const name = agent.name;
    if (!AGENT_NAME_PATTERN.test(name)) {
      issues.push(
        issue('invalid_agent_name', `${path}.name`, invalidNameMessage(name), { agent: name }),
      );
    }
    const first = firstIndex.get(name);
    if (first === undefined) firstIndex.set(name, i);
    else {
      issues.push(
        issue(
          'duplicate_agent_name',
          `${path}.name`,
          `Agent name "${name}" is already used by agents[${first}]; names must be unique.`,
          { agent: name },
        ),
      );
    }
    if (agent.instructions.trim() === '') {
      issues.push(
        issue(
          'empty_instructions',
          `${path}.instructions`,
          `Agent "${name}" has no instructions; its model gets no system prompt.`,
          { agent: name },
        ),
      );
    }
  });
}

function invalidNameMessage(name: string): string {
  if (name === '') return 'Agent name is empty.';
  if (name.length > AGENT_NAME_MAX) {
    return `Agent name "${name}" is ${name.length} characters long; at most ${AGENT_NAME_MAX}.`;
  }
  return (
    `Agent name "${name}" is not allowed: start with a letter, then use only letters, ` +
    'digits, "_" or "-" (no spaces or symbols).'
  );
}

function checkStart(doc: Workflow, topology: Topology, issues: ValidationIssue[]): void {
  if (doc.startAgent.trim() === '') {
    if (doc.agents.length > 0) {
      issues.push(issue('missing_start_agent', 'startAgent', 'No start agent is set.'));
    }
    return;
  }
  if (!topology.agents.has(doc.startAgent)) {
    issues.push(
      issue(
        'unknown_start_agent',
        'startAgent',
        `Start agent "${doc.startAgent}" is not an agent of this workflow.`,
      ),
    );
  }
}

function checkEdges(doc: Workflow, topology: Topology, issues: ValidationIssue[]): void {
  if (topology.implied) {
    const excess = impliedMeshExcess(topology.agents.size);
    if (excess) issues.push(issue('implied_mesh_too_large', 'handoffs', excess));
    if (doc.agents.length > 1) {
      issues.push(
        issue(
          'implied_mesh',
          'handoffs',
          'No handoffs are drawn, so every agent may hand off to every other (implied mesh). ' +
            'Draw one edge to define the graph yourself.',
        ),
      );
    }
    doc.agents.forEach((agent, i) => {
      const name = agent.name;
      if (doc.agents.length > 1 && agent.description.trim() === '') {
        issues.push(
          issue(
            'missing_handoff_description',
            `agents[${i}].description`,
            `Agent "${name}" has no description, so the models handing off to it only see ` +
              `"Handoff to the ${name} agent."`,
            { agent: name },
          ),
        );
      }
    });
  }
  // Computed once per agent, not once per edge.
  const undescribed = new Set<string>();
  for (const [name, agent] of topology.agents) {
    if (agent.description.trim() === '') undescribed.add(name);
  }
  doc.handoffs.forEach((edge, index) => {
    const status = topology.edgeStatus(index);
    if (status === EDGE_OK) {
      if (undescribed.has(edge.target) && (edge.description ?? '').trim() === '') {
        issues.push(
          issue(
            'missing_handoff_description',
            `handoffs[${index}].description`,
            `Neither this handoff nor "${edge.target}" has a description, so "${edge.source}" ` +
              `only sees "Handoff to the ${edge.target} agent."`,
            edgeRef(edge, index),
          ),
        );
      }
      return;
    }
    const path = `handoffs[${index}]`;
    const ref = edgeRef(edge, index);
    if (!topology.agents.has(edge.source)) {
      issues.push(
        issue('unknown_edge_source', `${path}.source`, unknownEnd('from', edge.source), ref),
      );
    }
    if (!topology.agents.has(edge.target)) {
      issues.push(
        issue('unknown_edge_target', `${path}.target`, unknownEnd('to', edge.target), ref),
      );
    }
    if (status === EDGE_SELF) {
      issues.push(
        issue('self_handoff', path, `"${edge.source}" cannot hand off to itself.`, {
          ...ref,
          agent: edge.source,
        }),
      );
    } else if (status >= 0) {
      issues.push(
        issue(
          'duplicate_handoff',
          path,
          `The handoff ${edge.source} → ${edge.target} is already drawn (handoffs[${status}]).`,
          ref,
        ),
      );
    }
  });
  if (!topology.implied) {
    doc.agents.forEach((agent, i) => {
      if (topology.isTerminal(agent.name) && topology.agents.get(agent.name) === agent) {
        issues.push(
          issue(
            'terminal_agent',
            `agents[${i}]`,
            `"${agent.name}" is terminal: it has no outbound handoffs.`,
            { agent: agent.name },
          ),
        );
      }
    });
  }
}

const edgeRef = (edge: Handoff, index: number) => ({
  edge: { source: edge.source, target: edge.target, index },
});

const unknownEnd = (direction: 'from' | 'to', name: string): string =>
  name === ''
    ? `This handoff has no ${direction === 'from' ? 'source' : 'target'} agent.`
    : `This handoff goes ${direction} "${name}", which is not an agent of this workflow.`;

function checkSettings(doc: Workflow, topology: Topology, issues: ValidationIssue[]): void {
  const { interaction, termination } = doc;
  interaction.autonomousAgents.forEach((name, i) => {
    if (!topology.agents.has(name)) {
      issues.push(
        issue(
          'unknown_setting_agent',
          `interaction.autonomousAgents[${i}]`,
          `Autonomous agent "${name}" is not an agent of this workflow.`,
        ),
      );
    }
  });
  for (const [name, limit] of Object.entries(interaction.turnLimits)) {
    const path = formatPath(['interaction', 'turnLimits', name]);
    if (!topology.agents.has(name)) {
      issues.push(
        issue(
          'unknown_setting_agent',
          path,
          `Turn limit for "${name}", which is not an agent of this workflow.`,
        ),
      );
    }
    if (limit <= 0) {
      issues.push(
        issue('non_positive_turn_limit', path, `Turn limit must be 1 or more (got ${limit}).`, {
          agent: name,
        }),
      );
    }
  }
  for (const key of [
    'maxMessages',
    'maxUserMessages',
    'maxHandoffsPerTurn',
    'maxModelCallsPerTurn',
  ] as const) {
    const value = termination[key];
    if (value !== undefined && value <= 0) {
      issues.push(
        issue(
          'non_positive_limit',
          `termination.${key}`,
          `${key} must be 1 or more (got ${value}).`,
        ),
      );
    }
  }
  termination.keywords?.forEach((keyword, i) => {
    if (keyword.trim() === '') {
      issues.push(
        issue(
          'empty_keyword',
          `termination.keywords[${i}]`,
          'An empty keyword matches every message, so the run would end at once.',
        ),
      );
    }
  });
  const autonomousSettings =
    interaction.autonomousAgents.length > 0 || Object.keys(interaction.turnLimits).length > 0;
  if (interaction.mode === 'interactive' && autonomousSettings) {
    issues.push(
      issue(
        'autonomous_settings_unused',
        'interaction.mode',
        'Autonomous agents and turn limits are set, but they apply only in autonomous mode.',
      ),
    );
  }
}

function checkReachability(doc: Workflow, topology: Topology, issues: ValidationIssue[]): void {
  if (!topology.agents.has(doc.startAgent)) return;
  const reachable = reachableFrom(topology, doc.startAgent);
  if (topology.agents.size > 1 && topology.isTerminal(doc.startAgent)) {
    issues.push(
      issue(
        'start_agent_cannot_hand_off',
        'startAgent',
        `Start agent "${doc.startAgent}" has no outbound handoffs, so no other agent can ever run.`,
        { agent: doc.startAgent },
      ),
    );
  }
  doc.agents.forEach((agent, i) => {
    if (!reachable.has(agent.name) && topology.agents.get(agent.name) === agent) {
      issues.push(
        issue(
          'unreachable_agent',
          `agents[${i}]`,
          `"${agent.name}" cannot be reached from the start agent "${doc.startAgent}".`,
          { agent: agent.name },
        ),
      );
    }
  });
}

/**
 * In autonomous mode, agents that hand off to each other in a cycle can talk forever without the
 * user. Warn when nothing but the loop guard would stop them.
 */
function checkAutonomousCycles(doc: Workflow, topology: Topology, issues: ValidationIssue[]): void {
  const { interaction, termination } = doc;
  if (interaction.mode !== 'autonomous' || topology.agents.size < 2) return;
  if (termination.maxMessages !== undefined || (termination.keywords?.length ?? 0) > 0) return;
  const chosen = interaction.autonomousAgents;
  const isAutonomous = (name: string) => chosen.length === 0 || chosen.includes(name);
  const limited = (name: string) =>
    (own(interaction.turnLimits, name) ?? DEFAULT_TURN_LIMIT) < DEFAULT_TURN_LIMIT;
  const nodes = [...topology.agents.keys()].filter(isAutonomous);
  const inSet = new Set(nodes);
  const components = topology.implied
    ? [nodes]
    : stronglyConnected(nodes, (n) => topology.targetsOf(n).filter((t) => inSet.has(t)));
  for (const component of components) {
    if (component.length < 2 || component.some(limited)) continue;
    issues.push(
      issue(
        'unbounded_autonomous_cycle',
        'termination',
        `Autonomous agents ${component.map((n) => `"${n}"`).join(', ')} can hand off to each ` +
          'other in a cycle with no termination condition and no turn limit below ' +
          `${DEFAULT_TURN_LIMIT}; only the loop guard would stop them.`,
        { agent: component[0] },
      ),
    );
  }
}
