/**
 * Agent Framework **Python** export: a module with one `Agent` per document agent, one function
 * tool per document tool, `build_workflow(chat_client)` that assembles a `HandoffBuilder`
 * workflow, and a terminal driver under `if __name__ == "__main__":`. Every user string is
 * emitted through `pyString`/`pyValue` and every name through an `IdentifierAllocator`.
 */
import type { Workflow } from '../schema';
import { DEFAULT_TURN_LIMIT, toolResultTemplate } from '../schema';
import { commentValue, IdentifierAllocator, PYTHON_RESERVED, pyString, pyValue } from './literals';
import { autonomousAgentNames, knownTurnLimits, planExport, type ExportPlan } from './plan';
import {
  PYTHON_DRIVER,
  PYTHON_IMPORTS,
  PYTHON_MODULE_NAMES,
  PYTHON_TOOL_HELPERS,
} from './pythonRuntime';

/** Package versions the exported code was checked against. */
export const PYTHON_AF_VERSIONS =
  'agent-framework-core 1.23.0, agent-framework-orchestrations 1.4.0, agent-framework-openai 1.17.0';

/** What the document says that Agent Framework (Python) cannot express exactly. */
export function pythonLimitations(plan: ExportPlan): string[] {
  const { doc } = plan;
  const t = doc.termination;
  const out = [...plan.notes];
  out.push(
    `termination.maxHandoffsPerTurn = ${t.maxHandoffsPerTurn}: HandoffBuilder has no loop ` +
      'guard; build_workflow() does not enforce it. The terminal driver below stops the ' +
      'program when a turn takes more handoffs.',
  );
  out.push(
    'Agent Framework allows a run 100 supersteps (one per handoff) and does not reset the count ' +
      'when a request is answered; start_user_turn() below resets it at each user reply, so long ' +
      "conversations go on (it uses the runner's reset_iteration_count, not public API).",
  );
  if (t.maxModelCallsPerTurn !== undefined) {
    out.push(
      `termination.maxModelCallsPerTurn = ${t.maxModelCallsPerTurn}: Agent Framework has no bound ` +
        'on model calls between two user messages; it is not enforced.',
    );
  }
  if (doc.tools.length > 0) {
    out.push(
      'Tools are simulated in Handoff Studio: each tool below is a Python function that returns ' +
        'its result template filled with the arguments. Replace the bodies with real code.',
    );
  }
  const hasCondition =
    t.maxMessages !== undefined ||
    t.maxUserMessages !== undefined ||
    (t.keywords?.length ?? 0) > 0 ||
    t.endOnTerminalAgent === true;
  if (hasCondition) {
    out.push(
      'termination: Agent Framework also checks the condition when an agent starts after a ' +
        'handoff (Handoff Studio does not), and the run ends idle rather than with a reason.',
    );
  }
  if (
    doc.interaction.mode === 'autonomous' &&
    (t.maxMessages !== undefined || t.maxUserMessages !== undefined)
  ) {
    out.push(
      'termination counts: Agent Framework puts autonomous prompts into the shared conversation; ' +
        'should_terminate() leaves out user messages equal to the autonomous prompt.',
    );
  }
  for (const [name, limit] of knownTurnLimits(plan)) {
    if (limit < 0) {
      out.push(
        `interaction.turnLimits[${commentValue(name)}] = ${limit} is negative; exported as 0.`,
      );
    }
  }
  out.push(
    'Handoff tools: Agent Framework generates handoff_to_<agent> tools without the optional ' +
      '"reason" argument that Handoff Studio offers.',
  );
  if (doc.agents.some((a) => a.position)) {
    out.push('Canvas positions are layout only and are not exported.');
  }
  return out;
}

/**
 * Exports a workflow as an Agent Framework Python module. The module imports only
 * `agent_framework` packages and the standard library; `build_workflow(chat_client)` returns
 * the built `HandoffBuilder` workflow; run as a script it talks to the user in the terminal,
 * with an OpenAI-compatible client configured by OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_MODEL.
 */
export function exportPython(doc: Workflow): string {
  const plan = planExport(doc);
  const ids = new IdentifierAllocator(PYTHON_RESERVED, PYTHON_MODULE_NAMES);
  const toolId = new Map<string, string>();
  for (const t of plan.tools) toolId.set(t.name, ids.allocate(t.name));
  const agentId = new Map<string, string>();
  for (const a of plan.agents) agentId.set(a.name, ids.allocate(a.name));

  const parts: string[] = [];
  parts.push(header(plan));
  parts.push(PYTHON_IMPORTS);
  parts.push(constants(plan));
  parts.push(PYTHON_TOOL_HELPERS);
  for (const t of plan.tools) {
    parts.push(
      `${toolId.get(t.name)!} = _template_tool(\n` +
        `    name=${pyString(t.name)},\n` +
        `    description=${pyString(t.description)},\n` +
        `    parameters=${pyValue(t.parameters, 1)},\n` +
        `    result=${pyString(toolResultTemplate(t))},\n` +
        `    approval_mode=${pyString(t.approval)},\n` +
        ')\n',
    );
  }
  const condition = termination(plan);
  if (condition) parts.push(condition);
  parts.push(buildFunction(plan, agentId, toolId, condition !== undefined));
  parts.push(PYTHON_DRIVER);
  return parts.join('\n\n');
}

function header(plan: ExportPlan): string {
  const lines = [
    `Generated by Handoff Studio from the workflow ${commentValue(plan.doc.name)}.`,
    'Agent Framework for Python: HandoffBuilder from agent_framework.orchestrations.',
    `Checked against ${PYTHON_AF_VERSIONS}.`,
    'Run: OPENAI_API_KEY=... python this_file.py   (OPENAI_BASE_URL and OPENAI_MODEL optional)',
    '',
    'What the document says that Agent Framework cannot express exactly:',
    ...pythonLimitations(plan).map((note) => `- ${note}`),
  ];
  return lines.map((l) => (l === '' ? '#' : `# ${l}`)).join('\n');
}

function constants(plan: ExportPlan): string {
  const { doc } = plan;
  const model = doc.defaults.model;
  const lines = [
    `WORKFLOW_NAME = ${pyString(doc.name)}`,
    `WORKFLOW_DESCRIPTION = ${pyString(doc.description)}`,
    `DEFAULT_MODEL = ${model === undefined ? 'None' : pyString(model)}`,
    `MAX_HANDOFFS_PER_TURN = ${doc.termination.maxHandoffsPerTurn}`,
  ];
  if (doc.interaction.mode === 'autonomous') {
    lines.push(`AUTONOMOUS_PROMPT = ${pyString(doc.interaction.autonomousPrompt)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `should_terminate(conversation)` for doc.termination, or undefined when it sets nothing. */
function termination(plan: ExportPlan): string | undefined {
  const { termination: t, interaction } = plan.doc;
  const checks: string[] = [];
  if (t.maxMessages !== undefined) {
    checks.push(`    if len(transcript) >= ${t.maxMessages}:\n        return True`);
  }
  if (t.maxUserMessages !== undefined) {
    checks.push(
      '    if sum(1 for message in transcript if message.role == "user") >= ' +
        `${t.maxUserMessages}:\n        return True`,
    );
  }
  const keywords = t.keywords ?? [];
  if (keywords.length > 0) {
    checks.push(
      '    latest = transcript[-1].text.lower()\n' +
        '    if any(keyword.lower() in latest for keyword in KEYWORDS):\n        return True',
    );
  }
  if (t.endOnTerminalAgent === true) {
    checks.push(
      '    if transcript[-1].role == "assistant" and transcript[-1].author_name in TERMINAL_AGENTS:' +
        '\n        return True',
    );
  }
  if (checks.length === 0) return undefined;
  const autonomous = interaction.mode === 'autonomous';
  const lines: string[] = [];
  if (keywords.length > 0) lines.push(`KEYWORDS = ${pyValue(keywords)}`);
  if (t.endOnTerminalAgent === true) {
    lines.push(`TERMINAL_AGENTS = frozenset(${pyValue(plan.terminal)})`);
  }
  if (lines.length > 0) lines.push('', '');
  lines.push(
    'def shared_transcript(conversation: list[Message]) -> list[Message]:',
    '    """User and assistant text only, as Handoff Studio counts the shared transcript."""',
    '    return [',
    '        message',
    '        for message in conversation',
    '        if message.role in ("user", "assistant")',
    '        and message.text',
    ...(autonomous
      ? ['        and not (message.role == "user" and message.text == AUTONOMOUS_PROMPT)']
      : []),
    '    ]',
    '',
    '',
    'def should_terminate(conversation: list[Message]) -> bool:',
    '    """The document\'s termination parts, checked on the shared conversation."""',
    '    transcript = shared_transcript(conversation)',
    '    if not transcript:',
    '        return False',
    ...checks,
    '    return False',
  );
  return `${lines.join('\n')}\n`;
}

function buildFunction(
  plan: ExportPlan,
  agentId: ReadonlyMap<string, string>,
  toolId: ReadonlyMap<string, string>,
  hasCondition: boolean,
): string {
  const { doc } = plan;
  const out: string[] = [
    'def build_workflow(chat_client: Any, *, model: str | None = None) -> Any:',
    '    """Builds the handoff workflow on chat_client; model, when given, overrides every agent\'s."""',
  ];
  for (const agent of plan.agents) {
    const agentModel = agent.model ?? doc.defaults.model;
    const modelExpr = agentModel === undefined ? 'model' : `model or ${pyString(agentModel)}`;
    const options = [`"model": ${modelExpr}`];
    if (doc.defaults.temperature !== undefined) {
      options.push(`"temperature": ${doc.defaults.temperature}`);
    }
    const tools = plan.toolsOf(agent.name).map((t) => toolId.get(t.name)!);
    out.push(
      `    ${agentId.get(agent.name)!} = Agent(`,
      '        client=chat_client,',
      `        name=${pyString(agent.name)},`,
      `        description=${pyString(agent.description)},`,
      `        instructions=${pyString(agent.instructions)},`,
      `        tools=[${tools.join(', ')}],`,
      `        default_options={${options.join(', ')}},`,
      '        require_per_service_call_history_persistence=True,',
      '    )',
    );
  }
  const participants = plan.agents.map((a) => agentId.get(a.name)!);
  out.push(
    '    builder = HandoffBuilder(',
    '        name=WORKFLOW_NAME,',
    '        description=WORKFLOW_DESCRIPTION,',
    `        participants=[${participants.join(', ')}],`,
    ...(hasCondition ? ['        termination_condition=should_terminate,'] : []),
    '    )',
  );
  if (plan.start !== undefined) {
    out.push(`    builder.with_start_agent(${agentId.get(plan.start)!})`);
  }
  if (plan.topology.implied) {
    out.push('    # No explicit handoffs: every agent may hand off to every other (the mesh).');
  } else {
    for (const edge of plan.edges) {
      out.push(
        `    builder.add_handoff(`,
        `        ${agentId.get(edge.source)!},`,
        `        [${agentId.get(edge.target)!}],`,
        `        description=${pyString(edge.description)},`,
        '    )',
      );
    }
  }
  out.push(
    `    builder.enable_return_to_previous(${doc.interaction.returnToPrevious ? 'True' : 'False'})`,
  );
  if (doc.interaction.mode === 'autonomous') {
    const names = autonomousAgentNames(plan);
    const limits = new Map(knownTurnLimits(plan));
    const turnLimits = Object.fromEntries(
      names.map((n) => [n, Math.max(0, limits.get(n) ?? DEFAULT_TURN_LIMIT)]),
    );
    out.push(
      '    builder.with_autonomous_mode(',
      `        agents=[${names.map((n) => agentId.get(n)!).join(', ')}],`,
      `        prompts={${names.map((n) => `${pyString(n)}: AUTONOMOUS_PROMPT`).join(', ')}},`,
      `        turn_limits=${pyValue(turnLimits, 2)},`,
      '    )',
    );
  }
  out.push('    return builder.build()', '');
  return out.join('\n');
}
