/**
 * OpenAI Agents SDK **TypeScript** export: one module importing only `@openai/agents` and Node's
 * standard library, with one `Agent` per document agent, one function tool per document tool,
 * one handoff per edge named `handoff_to_<target>` (the names plan.ts gives the Agent Framework
 * export), `buildAgents()` returning the start agent and every agent by name, `runConversation()`
 * (the run semantics the SDK lacks, around its runs) and a terminal driver when run as a program.
 * Every user string is emitted through `quoted` and every name through an `IdentifierAllocator`.
 */
import type { Workflow } from '../schema';
import {
  DEFAULT_MAX_MODEL_CALLS_PER_TURN,
  DEFAULT_TURN_LIMIT,
  toolResultTemplate,
} from '../schema';
import { handoffDescription } from '../topology';
import { commentValue, IdentifierAllocator, quoted } from './literals';
import { autonomousAgentNames, knownTurnLimits, planExport, type ExportPlan } from './plan';
import {
  AGENTS_TS_CONVERSATION,
  AGENTS_TS_HELPERS,
  AGENTS_TS_IMPORTS,
  AGENTS_TS_MODULE_NAMES,
} from './agentsTsRuntime';

/** The package version the exported code was checked against. */
export const AGENTS_TS_VERSION = '@openai/agents 0.14.3';

const TS_RESERVED: ReadonlySet<string> = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if import in instanceof new null return super switch this throw ' +
    'true try typeof var void while with as implements interface let package private protected ' +
    'public static yield any boolean constructor declare get module require number set string ' +
    'symbol type from of async await undefined NaN Infinity arguments eval process globalThis ' +
    'Object Array String Number Boolean Map Set JSON Math Error Promise console'
  ).split(' '),
);

/** A JSON value as a TypeScript expression (JSON is valid TS; risky characters escaped). */
function tsValue(value: unknown, indent: number): string {
  const pad = '  '.repeat(indent);
  return JSON.stringify(value ?? null, null, 2)
    .split('\n')
    .map((line, i) => (i === 0 ? line : pad + line))
    .join('\n')
    .replace(/"(?:[^"\\]|\\.)*"/g, (literal) => quoted(JSON.parse(literal) as string));
}

/** What the document says that the Agents SDK run by this module does differently. */
export function agentsTsLimitations(plan: ExportPlan): string[] {
  const { doc } = plan;
  const out = [...plan.notes];
  out.push(
    'Handoff tools take no arguments: the optional "reason" of Handoff Studio is not offered ' +
      '(a call that passes one still hands off, as does one whose arguments are not JSON).',
    'A second handoff call in one reply: the first is taken; the SDK drops the second call ' +
      'from the history instead of answering "Ignored: only one handoff per reply.".',
    'The loop guard (maxHandoffsPerTurn) refuses the handoff in onHandoff: the run fails ' +
      '(loop_guard) without answering the refused call.',
    'The SDK answers a handoff {"assistant":"<target>"}; the shared view shows the model ' +
      '{"handoff_to":"<target>"} as Handoff Studio does.',
    'History items carry no author in the SDK: runConversation() tracks who made each item to ' +
      "show every agent the shared transcript (callModelInputFilter); the SDK's own " +
      'handoff input filters are not used.',
    'An interrupted run (approvals) is resumed from the SDK RunState: the gated reply and its ' +
      'calls are answered together once every approval is given; tracing is off when ' +
      'OPENAI_BASE_URL is set.',
  );
  if (doc.tools.some((t) => t.approval === 'always_require')) {
    out.push(
      'A reply with approval-gated calls: the SDK runs its ordinary calls at once and asks for ' +
        'the approvals after them (Handoff Studio holds the whole batch until every answer).',
      'A reply with an approval-gated call and a handoff: the SDK hands off at once; the gated ' +
        "call is neither asked about nor run, and is dropped from that agent's history.",
    );
  }
  if (doc.tools.length > 0) {
    out.push(
      'Tool arguments that are not JSON get the SDK\'s "An error occurred while parsing tool ' +
        'arguments. …" (Handoff Studio: "Error: invalid JSON arguments.").',
    );
    out.push(
      'Tools are simulated in Handoff Studio: each tool below returns its result template ' +
        'filled with the arguments. Replace execute with real code.',
    );
  }
  for (const [name, limit] of knownTurnLimits(plan)) {
    if (limit < 0) {
      out.push(`interaction.turnLimits[${commentValue(name)}] = ${limit} is negative; used as 0.`);
    }
  }
  if (doc.agents.some((a) => a.position)) {
    out.push('Canvas positions are layout only and are not exported.');
  }
  return out;
}

/**
 * Exports a workflow as an OpenAI Agents SDK (TypeScript) module. `npx tsx file.ts` talks to the
 * user in the terminal with an OpenAI-compatible Chat Completions endpoint configured by
 * OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_MODEL.
 */
export function exportAgentsTs(doc: Workflow): string {
  const plan = planExport(doc);
  const ids = new IdentifierAllocator(TS_RESERVED, AGENTS_TS_MODULE_NAMES);
  const toolId = new Map<string, string>();
  for (const t of plan.tools) toolId.set(t.name, ids.allocate(t.name, 'tool_'));
  const agentId = new Map<string, string>();
  for (const a of plan.agents) agentId.set(a.name, ids.allocate(a.name));
  return [
    header(plan),
    AGENTS_TS_IMPORTS,
    constants(plan),
    AGENTS_TS_HELPERS,
    buildFunction(plan, agentId, toolId),
    AGENTS_TS_CONVERSATION,
  ].join('\n');
}

function header(plan: ExportPlan): string {
  const lines = [
    `Generated by Handoff Studio from the workflow ${commentValue(plan.doc.name)}.`,
    `OpenAI Agents SDK for TypeScript, checked against ${AGENTS_TS_VERSION} (openai 6).`,
    'Install: npm install @openai/agents@0.14.3 zod@4 tsx   (Node 20.19+)',
    'Run: OPENAI_API_KEY=... npx tsx this_file.ts   (OPENAI_BASE_URL and OPENAI_MODEL optional)',
    '',
    'What the document says that this module does differently from Handoff Studio:',
    ...agentsTsLimitations(plan).map((note) => `- ${note}`),
  ];
  return lines.map((l) => (l === '' ? '//' : `// ${l}`)).join('\n') + '\n';
}

function constants(plan: ExportPlan): string {
  const { doc } = plan;
  const t = doc.termination;
  const model = doc.defaults.model;
  const autonomous = doc.interaction.mode === 'autonomous';
  const limits = new Map(knownTurnLimits(plan));
  const turnLimits = autonomous
    ? autonomousAgentNames(plan).map(
        (n) => `  [${quoted(n)}, ${Math.max(0, limits.get(n) ?? DEFAULT_TURN_LIMIT)}],\n`,
      )
    : [];
  const terminal = t.endOnTerminalAgent === true ? plan.terminal : [];
  return [
    `export const WORKFLOW_NAME = ${quoted(doc.name)};`,
    `export const WORKFLOW_DESCRIPTION = ${quoted(doc.description)};`,
    `const DEFAULT_MODEL: string | undefined = ${model === undefined ? 'undefined' : quoted(model)};`,
    `const MAX_HANDOFFS_PER_TURN = ${t.maxHandoffsPerTurn};`,
    `const MAX_MODEL_CALLS_PER_TURN = ${t.maxModelCallsPerTurn ?? DEFAULT_MAX_MODEL_CALLS_PER_TURN};`,
    `const RETURN_TO_PREVIOUS: boolean = ${doc.interaction.returnToPrevious ? 'true' : 'false'};`,
    `const AUTONOMOUS_PROMPT: string | undefined = ${autonomous ? quoted(doc.interaction.autonomousPrompt) : 'undefined'};`,
    `/** Autonomous agents and their turn limits (autonomous continuations before the user is asked). */`,
    `const TURN_LIMITS = new Map<string, number>(${turnLimits.length ? `[\n${turnLimits.join('')}]` : ''});`,
    'const TERMINATION: {',
    '  maxMessages?: number;',
    '  maxUserMessages?: number;',
    '  keywords: string[];',
    '  endOnTerminalAgent: boolean;',
    '} = {',
    ...(t.maxMessages !== undefined ? [`  maxMessages: ${t.maxMessages},`] : []),
    ...(t.maxUserMessages !== undefined ? [`  maxUserMessages: ${t.maxUserMessages},`] : []),
    `  keywords: ${tsValue(
      (t.keywords ?? []).filter((k) => k.trim() !== ''),
      1,
    )},`,
    `  endOnTerminalAgent: ${t.endOnTerminalAgent === true ? 'true' : 'false'},`,
    '};',
    `const TERMINAL_AGENTS = new Set<string>(${tsValue(terminal, 0)});`,
    '',
  ].join('\n');
}

function buildFunction(
  plan: ExportPlan,
  agentId: ReadonlyMap<string, string>,
  toolId: ReadonlyMap<string, string>,
): string {
  const { doc } = plan;
  const out: string[] = [
    "/** Builds the agents; `model`, when given, overrides every agent's model. */",
    'export function buildAgents(options: { model?: string } = {}): Workflow {',
  ];
  for (const t of plan.tools) {
    out.push(
      `  const ${toolId.get(t.name)!} = templateTool({`,
      `    name: ${quoted(t.name)},`,
      `    description: ${quoted(t.description)},`,
      `    parameters: ${tsValue(t.parameters, 2)},`,
      `    result: ${quoted(toolResultTemplate(t))},`,
      `    needsApproval: ${t.approval === 'always_require' ? 'true' : 'false'},`,
      '  });',
    );
  }
  for (const agent of plan.agents) {
    const agentModel = agent.model ?? doc.defaults.model;
    const tools = plan.toolsOf(agent.name).map((t) => toolId.get(t.name)!);
    out.push(
      `  const ${agentId.get(agent.name)!} = new Agent<TurnContext>({`,
      `    name: ${quoted(agent.name)},`,
      `    handoffDescription: ${quoted(agent.description)},`,
      `    instructions: ${quoted(agent.instructions)},`,
      `    model: options.model${agentModel === undefined ? '' : ` ?? ${quoted(agentModel)}`},`,
      ...(doc.defaults.temperature !== undefined
        ? [`    modelSettings: { temperature: ${doc.defaults.temperature} },`]
        : []),
      `    tools: [${tools.join(', ')}],`,
      '  });',
    );
  }
  if (plan.topology.implied) {
    const all = plan.agents.map((a) => agentId.get(a.name)!);
    const descriptions = plan.agents.map(
      (a) => `    [${quoted(a.name)}, ${quoted(handoffDescription(undefined, a.name, a))}],\n`,
    );
    out.push(
      '  // No written handoffs: every agent may hand off to every other (the implied mesh).',
      `  meshHandoffs([${all.join(', ')}], new Map([\n${descriptions.join('')}  ]));`,
    );
  } else {
    for (const agent of plan.agents) {
      const edges = plan.edges.filter((e) => e.source === agent.name);
      if (edges.length === 0) continue;
      const source = agentId.get(agent.name)!;
      out.push(`  ${source}.handoffs = [`);
      for (const edge of edges) {
        out.push(
          `    handoffTo(${quoted(edge.source)}, ${agentId.get(edge.target)!}, ${quoted(edge.description)}),`,
        );
      }
      out.push('  ];');
    }
  }
  const entries = plan.agents.map((a) => `    [${quoted(a.name)}, ${agentId.get(a.name)!}],\n`);
  out.push(
    `  const agents = new Map<string, Agent<TurnContext>>([\n${entries.join('')}  ]);`,
    plan.start === undefined
      ? '  throw new Error("The workflow has no agent to start with.");'
      : `  return { start: ${agentId.get(plan.start)!}, agents };`,
    '}',
    '',
  );
  return out.join('\n');
}
