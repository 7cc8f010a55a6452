/**
 * OpenAI Agents SDK **Python** export (`openai-agents`): a module with one `Agent` per document
 * agent, one `FunctionTool` per document tool, one handoff per edge named `handoff_to_<target>`
 * (the tool names the engine and the Agent Framework export use), `build_agents(client)` that
 * returns the start agent and the agents by name, the `Conversation` that runs them as Handoff
 * Studio does, and a terminal driver under `if __name__ == "__main__":`. Every user string is
 * emitted through `pyString`/`pyValue` and every name through an `IdentifierAllocator`.
 */
import type { Workflow } from '../schema';
import { DEFAULT_TURN_LIMIT, toolResultTemplate } from '../schema';
import { handoffDescription, handoffTools } from '../topology';
import { commentValue, IdentifierAllocator, PYTHON_RESERVED, pyString, pyValue } from './literals';
import { autonomousAgentNames, knownTurnLimits, planExport, type ExportPlan } from './plan';
import {
  AGENTS_PY_DRIVER,
  AGENTS_PY_HELPERS,
  AGENTS_PY_IMPORTS,
  AGENTS_PY_MODULE_NAMES,
} from './agentsPyRuntime';
import { AGENTS_PY_CONVERSATION } from './agentsPyConversation';

/** Package versions the exported code was checked against. */
export const AGENTS_PY_VERSIONS = 'openai-agents 0.24.0, openai 3.63.0';

/** The model-call bound the engine applies when the document sets none (run-semantics.md). */
const DEFAULT_MAX_MODEL_CALLS_PER_TURN = 250;

/** What differs from Handoff Studio's engine when the module runs on the Agents SDK. */
export function agentsPyLimitations(plan: ExportPlan): string[] {
  const { doc } = plan;
  const out = [...plan.notes];
  const handsOff = plan.agents.some((a) => plan.topology.targetsOf(a.name).length > 0);
  out.push(
    "What agents see: Conversation._view (the SDK's call_model_input_filter) gives each agent " +
      'the shared transcript and only its own tool calls, results and autonomous prompts, as ' +
      'Handoff Studio does. A handoff input_filter is not used: it would rewrite the history ' +
      'for every later agent, so an agent would lose its own tool calls when control returns.',
    "Another agent's text reaches an agent as an assistant message without the author's name: " +
      "the SDK's Chat Completions converter writes no name on assistant messages.",
    'Termination, autonomous continuations, returnToPrevious and the loop guard are not SDK ' +
      'features: Conversation implements them around Runner.run.',
    `The model-call bound (${doc.termination.maxModelCallsPerTurn ?? DEFAULT_MAX_MODEL_CALLS_PER_TURN} ` +
      "per user turn) is the SDK's max_turns for each run, less the calls already made in the turn.",
  );
  if (handsOff) {
    out.push(
      'Handoff tools take no arguments (the SDK offers an empty strict schema); Handoff Studio ' +
        'offers an optional "reason".',
      'A second handoff call in one reply is answered "Multiple handoffs detected, ignoring ' +
        'this one." (Handoff Studio: "Ignored: only one handoff per reply.").',
      'A handoff call whose arguments are not valid JSON is taken (the SDK reads no handoff ' +
        'arguments); Handoff Studio refuses it with "Error: invalid JSON arguments.".',
      `termination.maxHandoffsPerTurn = ${doc.termination.maxHandoffsPerTurn}: checked by ` +
        "Conversation in the SDK's on_handoff hook; the handoff that goes over is answered by " +
        'the SDK before the hook stops the run, so it shows as taken.',
    );
  }
  if (plan.tools.some((t) => t.approval === 'always_require')) {
    out.push(
      'In a reply with approval-gated calls, the SDK runs the ungated calls at once and waits ' +
        'only for the gated ones; Handoff Studio holds the whole batch until every approval.',
    );
  }
  if (doc.tools.length > 0) {
    out.push(
      'Tools are simulated in Handoff Studio: each tool below is a FunctionTool that returns its ' +
        'result template filled with the arguments. Replace the bodies with real code.',
    );
  }
  for (const [name, limit] of knownTurnLimits(plan)) {
    if (limit < 0) {
      out.push(
        `interaction.turnLimits[${commentValue(name)}] = ${limit} is negative; exported as 0.`,
      );
    }
  }
  if (doc.agents.some((a) => a.position)) {
    out.push('Canvas positions are layout only and are not exported.');
  }
  return out;
}

/**
 * Exports a workflow as an OpenAI Agents SDK Python module. It imports only `agents`
 * (openai-agents), `openai` (for the client) and the standard library.
 */
export function exportAgentsPy(doc: Workflow): string {
  const plan = planExport(doc);
  const ids = new IdentifierAllocator(PYTHON_RESERVED, AGENTS_PY_MODULE_NAMES);
  const toolId = new Map<string, string>();
  for (const t of plan.tools) toolId.set(t.name, ids.allocate(t.name));
  const agentId = new Map<string, string>();
  for (const a of plan.agents) agentId.set(a.name, ids.allocate(a.name));

  const parts: string[] = [];
  parts.push(header(plan));
  parts.push(AGENTS_PY_IMPORTS);
  parts.push(constants(plan));
  parts.push(AGENTS_PY_HELPERS);
  for (const t of plan.tools) {
    parts.push(
      `${toolId.get(t.name)!} = _template_tool(\n` +
        `    name=${pyString(t.name)},\n` +
        `    description=${pyString(t.description)},\n` +
        `    parameters=${pyValue(t.parameters, 1)},\n` +
        `    result=${pyString(toolResultTemplate(t))},\n` +
        `    needs_approval=${t.approval === 'always_require' ? 'True' : 'False'},\n` +
        ')\n',
    );
  }
  parts.push(buildFunction(plan, agentId, toolId));
  parts.push(AGENTS_PY_CONVERSATION);
  parts.push(AGENTS_PY_DRIVER);
  return parts.join('\n\n');
}

function header(plan: ExportPlan): string {
  const lines = [
    `Generated by Handoff Studio from the workflow ${commentValue(plan.doc.name)}.`,
    'OpenAI Agents SDK for Python (openai-agents): Agent, handoff(), FunctionTool, Runner.',
    `Checked against ${AGENTS_PY_VERSIONS}.`,
    'Run: OPENAI_API_KEY=... python this_file.py   (OPENAI_BASE_URL and OPENAI_MODEL optional)',
    '',
    'What differs from a run in Handoff Studio:',
    ...agentsPyLimitations(plan).map((note) => `- ${note}`),
  ];
  return lines.map((l) => (l === '' ? '#' : `# ${l}`)).join('\n');
}

function constants(plan: ExportPlan): string {
  const { doc } = plan;
  const t = doc.termination;
  const autonomous = doc.interaction.mode === 'autonomous';
  const limits = new Map(knownTurnLimits(plan));
  const turnLimits = autonomous
    ? Object.fromEntries(
        autonomousAgentNames(plan).map((n) => [
          n,
          Math.max(0, limits.get(n) ?? DEFAULT_TURN_LIMIT),
        ]),
      )
    : {};
  const optional = (v: number | undefined) => (v === undefined ? 'None' : String(v));
  const lines = [
    `WORKFLOW_NAME = ${pyString(doc.name)}`,
    `WORKFLOW_DESCRIPTION = ${pyString(doc.description)}`,
    `START_AGENT = ${plan.start === undefined ? 'None' : pyString(plan.start)}`,
    `DEFAULT_MODEL = ${doc.defaults.model === undefined ? 'None' : pyString(doc.defaults.model)}`,
    `TEMPERATURE = ${optional(doc.defaults.temperature)}`,
    `RETURN_TO_PREVIOUS = ${doc.interaction.returnToPrevious ? 'True' : 'False'}`,
    `MAX_HANDOFFS_PER_TURN = ${t.maxHandoffsPerTurn}`,
    `MAX_MODEL_CALLS_PER_TURN = ${t.maxModelCallsPerTurn ?? DEFAULT_MAX_MODEL_CALLS_PER_TURN}`,
    `AUTONOMOUS_PROMPT = ${pyString(autonomous ? doc.interaction.autonomousPrompt : '')}`,
    '# Autonomous agents and their turn limits (empty in interactive mode).',
    `TURN_LIMITS: dict[str, int] = ${pyValue(turnLimits)}`,
    `MAX_MESSAGES = ${optional(t.maxMessages)}`,
    `MAX_USER_MESSAGES = ${optional(t.maxUserMessages)}`,
    `KEYWORDS: list[str] = ${pyValue(t.keywords ?? [])}`,
    `END_ON_TERMINAL_AGENT = ${t.endOnTerminalAgent === true ? 'True' : 'False'}`,
    `TERMINAL_AGENTS = frozenset(${pyValue(plan.terminal)})`,
  ];
  if (plan.topology.implied) {
    const descriptions = Object.fromEntries(
      plan.agents.map((a) => [a.name, handoffDescription(undefined, a.name, a)]),
    );
    lines.push(
      '# No handoffs in the document: every agent may hand off to every other (the mesh),',
      "# with the target's description.",
      `MESH_DESCRIPTIONS: dict[str, str] = ${pyValue(descriptions)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function buildFunction(
  plan: ExportPlan,
  agentId: ReadonlyMap<string, string>,
  toolId: ReadonlyMap<string, string>,
): string {
  const { doc } = plan;
  const out: string[] = [
    'def build_agents(',
    '    client: AsyncOpenAI | None = None, *, model: str | None = None',
    ') -> tuple[Agent, dict[str, Agent]]:',
    '    """The start agent and every agent by name. With a client, each agent uses',
    '    OpenAIChatCompletionsModel on it; model, when given, overrides every agent\'s."""',
  ];
  for (const agent of plan.agents) {
    const agentModel = agent.model ?? doc.defaults.model;
    const modelExpr = agentModel === undefined ? 'model' : `model or ${pyString(agentModel)}`;
    const tools = plan.toolsOf(agent.name).map((t) => toolId.get(t.name)!);
    out.push(
      `    ${agentId.get(agent.name)!} = Agent(`,
      `        name=${pyString(agent.name)},`,
      `        handoff_description=${pyString(agent.description)},`,
      `        instructions=${agent.instructions === '' ? 'None' : pyString(agent.instructions)},`,
      `        model=_model(client, ${modelExpr}),`,
      '        model_settings=_settings(),',
      `        tools=[${tools.join(', ')}],`,
      '    )',
    );
  }
  const byName = plan.agents.map((a) => `${pyString(a.name)}: ${agentId.get(a.name)!}`);
  out.push(`    agents = {${byName.join(', ')}}`);
  if (plan.topology.implied) {
    out.push(
      '    for source in agents.values():',
      '        source.handoffs = [',
      '            _handoff(target, MESH_DESCRIPTIONS[name])',
      '            for name, target in agents.items()',
      '            if target is not source',
      '        ]',
    );
  } else {
    for (const agent of plan.agents) {
      const tools = handoffTools(plan.topology, agent.name);
      if (tools.length === 0) continue;
      out.push(`    ${agentId.get(agent.name)!}.handoffs = [`);
      for (const tool of tools) {
        out.push(`        _handoff(${agentId.get(tool.target)!}, ${pyString(tool.description)}),`);
      }
      out.push('    ]');
    }
  }
  const start = plan.start === undefined ? 'None' : agentId.get(plan.start)!;
  out.push(`    return ${start}, agents`, '');
  return out.join('\n');
}
