/**
 * The fixed parts of the exported OpenAI Agents SDK (TypeScript) module: imports, the template
 * tool and handoff helpers, the shared-transcript view (`callModelInputFilter`) and the
 * conversation driver. They hold no document data; `agentsTs.ts` writes the parts that do.
 * Agents SDK API as verified in @openai/agents 0.14.3 (node_modules/@openai/agents-core and
 * -openai): Agent, handoff() with toolNameOverride / toolDescriptionOverride / onHandoff, tool()
 * with a non-strict JSON schema, needsApproval and errorFunction, Runner.run(…, { stream: true })
 * with callModelInputFilter, toolNotFoundBehavior and toolErrorFormatter, RunState.toString /
 * fromStringWithContext, approve / reject, OpenAIProvider({ useResponses: false }).
 */
import { AGENTS_TS_DRIVER } from './agentsTsDriver';
import { AGENTS_TS_VIEW } from './agentsTsView';

/** The conversation driver: the shared view, then runConversation() and the terminal. */
export const AGENTS_TS_CONVERSATION = `${AGENTS_TS_VIEW}\n${AGENTS_TS_DRIVER}`;

export const AGENTS_TS_IMPORTS = `import { setMaxListeners } from 'node:events';
import { argv, env, exit, stderr, stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import {
  Agent,
  OpenAIProvider,
  RunContext,
  RunState,
  Runner,
  handoff,
  setTracingDisabled,
  tool,
  type AgentInputItem,
  type CallModelInputFilter,
  type RunStreamEvent,
  type RunToolApprovalItem,
} from '@openai/agents';
`;

/** Names the fixed parts define at module level (agents and tools must not reuse them). */
export const AGENTS_TS_MODULE_NAMES = [
  'setMaxListeners',
  'argv',
  'env',
  'exit',
  'stderr',
  'stdin',
  'stdout',
  'createInterface',
  'pathToFileURL',
  'Agent',
  'OpenAIProvider',
  'RunContext',
  'RunState',
  'Runner',
  'handoff',
  'setTracingDisabled',
  'tool',
  'AgentInputItem',
  'CallModelInputFilter',
  'RunStreamEvent',
  'RunToolApprovalItem',
  'WORKFLOW_NAME',
  'WORKFLOW_DESCRIPTION',
  'START_AGENT',
  'DEFAULT_MODEL',
  'MAX_HANDOFFS_PER_TURN',
  'MAX_MODEL_CALLS_PER_TURN',
  'RETURN_TO_PREVIOUS',
  'AUTONOMOUS_PROMPT',
  'TURN_LIMITS',
  'TERMINATION',
  'TERMINAL_AGENTS',
  'TurnContext',
  'LoopGuardError',
  'TEMPLATE_REF',
  'INVALID_ARGUMENTS',
  'fillTemplate',
  'templateTool',
  'countHandoff',
  'handoffTo',
  'meshHandoffs',
  'Workflow',
  'buildAgents',
  'options',
  'model',
  'agents',
  'all',
  'ConversationEvent',
  'ConversationEnd',
  'ConversationIO',
  'ConversationOptions',
  'Saved',
  'roleOf',
  'textOf',
  'outputText',
  'asHandoffResult',
  'sharedView',
  'sharedTranscript',
  'terminationHolds',
  'addMessage',
  'runOnce',
  'approvalRequest',
  'runConversation',
  'main',
];

export const AGENTS_TS_HELPERS = `/** The counters of one user turn: the context of every run, read by the loop guard. */
export interface TurnContext {
  /** Handoffs taken since the last user message. */
  handoffs: number;
  /** Model calls made since the last user message. */
  modelCalls: number;
}

/** The document's loop guard stopped the run (maxHandoffsPerTurn or maxModelCallsPerTurn). */
export class LoopGuardError extends Error {
  readonly code: 'loop_guard' | 'model_call_limit';
  constructor(code: 'loop_guard' | 'model_call_limit', message: string) {
    super(message);
    this.name = 'LoopGuardError';
    this.code = code;
  }
}

const TEMPLATE_REF = /\\{\\{\\s*([^{}\\s]+)\\s*\\}\\}/g;
const INVALID_ARGUMENTS = 'Error: invalid JSON arguments.';

/** Replaces each {{name}} with that argument's value (text as is, anything else as JSON). */
function fillTemplate(template: string, args: Record<string, unknown>): string {
  return template.replace(TEMPLATE_REF, (whole: string, name: string) => {
    if (!Object.hasOwn(args, name)) return whole;
    const value = args[name];
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** A function tool whose result is its filled template (a simulated tool: replace execute). */
function templateTool(spec: {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  result: string;
  needsApproval: boolean;
}) {
  return tool({
    name: spec.name,
    description: spec.description,
    // The document's JSON schema, sent as it is (non-strict: not rewritten, not validated).
    parameters: spec.parameters as { type: 'object'; properties: {}; required: []; additionalProperties: true },
    strict: false,
    needsApproval: spec.needsApproval,
    execute: (input: unknown) =>
      typeof input === 'object' && input !== null && !Array.isArray(input)
        ? fillTemplate(spec.result, input as Record<string, unknown>)
        : INVALID_ARGUMENTS,
  });
}

/** The loop guard: refuses the (MAX_HANDOFFS_PER_TURN + 1)-th handoff since the user spoke. */
function countHandoff(turn: TurnContext | undefined, from: string): void {
  if (turn === undefined) return;
  turn.handoffs += 1;
  if (turn.handoffs > MAX_HANDOFFS_PER_TURN) {
    throw new LoopGuardError(
      'loop_guard',
      from + ' went over the handoff limit of ' + MAX_HANDOFFS_PER_TURN + ' in one turn.',
    );
  }
}

/** The handoff tool handoff_to_<target>, described by the edge. */
function handoffTo(from: string, target: Agent<TurnContext>, description: string) {
  return handoff(target, {
    toolNameOverride: 'handoff_to_' + target.name,
    toolDescriptionOverride: description,
    onHandoff: (context: RunContext<TurnContext>) => countHandoff(context.context, from),
  });
}

/** The implied mesh: every agent may hand off to every other, in agent order. */
function meshHandoffs(all: Agent<TurnContext>[], descriptions: ReadonlyMap<string, string>): void {
  for (const source of all) {
    source.handoffs = all
      .filter((target) => target !== source)
      .map((target) => handoffTo(source.name, target, descriptions.get(target.name) ?? ''));
  }
}

/** The agents of the workflow: the start agent and every agent by name. */
export interface Workflow {
  start: Agent<TurnContext>;
  agents: ReadonlyMap<string, Agent<TurnContext>>;
}
`;
