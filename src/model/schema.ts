/**
 * The workflow document, format version 1. This file is the single source of truth for the JSON
 * format: the TypeScript types, the runtime parser and the published JSON Schema
 * (`public/schema/workflow.v1.json`) all come from it. Field names are a public contract
 * (docs/spec/document.md): add optional fields, never rename or remove.
 *
 * The schema checks *shape*. Rules that span fields (unique names, known edge ends, reachability…)
 * live in `validate.ts`, so that a half-drawn workflow still parses and can be edited.
 */
import { z } from 'zod';
import { testCaseSchema } from './testCases';

export const FORMAT = 'handoff-workflow';
export const CURRENT_VERSION = 1;
export const DEFAULT_AUTONOMOUS_PROMPT = 'User did not respond. Continue assisting autonomously.';
export const DEFAULT_TURN_LIMIT = 50;
export const DEFAULT_MAX_HANDOFFS_PER_TURN = 100;
/**
 * Model calls allowed between two user messages when `termination.maxModelCallsPerTurn` is absent.
 * Above the most a default turn needs (autonomous turn limits of 50, 100 handoffs, a few tools).
 */
export const DEFAULT_MAX_MODEL_CALLS_PER_TURN = 250;

/** Agent names: a letter, then letters, digits, `_` or `-`; 48 characters at most. */
export const AGENT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,47}$/;
export const AGENT_NAME_MAX = 48;
/** Tool names as the model providers accept them (OpenAI: `^[a-zA-Z0-9_-]{1,64}$`). */
export const TOOL_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const positionSchema = z
  .strictObject({
    x: z.number().describe('Horizontal canvas position in pixels.'),
    y: z.number().describe('Vertical canvas position in pixels.'),
  })
  .describe('Where the agent is drawn on the canvas. Layout only; no effect on runs.');

export const agentSchema = z
  .strictObject({
    name: z
      .string()
      .describe(
        'Unique agent name: a letter, then letters, digits, "_" or "-" (48 characters at most). ' +
          'Handoff tools to this agent are named handoff_to_<name>.',
      ),
    description: z
      .string()
      .default('')
      .describe(
        'What this agent does. The default description of every handoff *to* this agent, ' +
          'which is what the calling model reads.',
      ),
    instructions: z.string().default('').describe("The agent's system prompt."),
    model: z
      .string()
      .optional()
      .describe('Model name for this agent; when absent, defaults.model is used.'),
    tools: z
      .array(z.string())
      .default([])
      .describe('Names of tools (from the document\'s "tools") this agent may call.'),
    position: positionSchema.optional(),
  })
  .describe('An agent: one node of the handoff graph.');

export const handoffSchema = z
  .strictObject({
    source: z.string().describe('Name of the agent that may hand off.'),
    target: z.string().describe('Name of the agent that receives the conversation.'),
    description: z
      .string()
      .optional()
      .describe(
        'The handoff tool description the source model reads. When absent or blank, the ' +
          'target\'s description is used, else "Handoff to the <target> agent."',
      ),
  })
  .describe('A directed handoff edge: source may pass the whole conversation to target.');

export const toolSchema = z
  .strictObject({
    name: z
      .string()
      .describe('Unique tool name as the model sees it (letters, digits, "_" or "-"; 64 max).'),
    description: z.string().default('').describe('What the tool does, as the model reads it.'),
    parameters: z
      .record(z.string(), z.unknown())
      .default({ type: 'object', properties: {} })
      .describe('JSON Schema of the arguments: an object schema with "properties".'),
    approval: z
      .enum(['always_require', 'never_require'])
      .default('never_require')
      .describe('"always_require": a person approves every call before it runs.'),
    result: z
      .string()
      .optional()
      .describe(
        "Simulated result template; {{argument}} is replaced by that argument's value. " +
          'When absent: "<tool name> completed."',
      ),
  })
  .describe('A tool agents may call. Tools are simulated: their result is the filled template.');

export const interactionSchema = z
  .strictObject({
    mode: z
      .enum(['interactive', 'autonomous'])
      .default('interactive')
      .describe(
        'interactive: a final reply asks the user for input. autonomous: the agent continues ' +
          'by itself, up to its turn limit, before asking.',
      ),
    autonomousAgents: z
      .array(z.string())
      .default([])
      .describe('Agents that continue autonomously; empty means all agents (autonomous mode).'),
    autonomousPrompt: z
      .string()
      .default(DEFAULT_AUTONOMOUS_PROMPT)
      .describe('The user-role message added (privately) when an agent continues by itself.'),
    turnLimits: z
      .record(z.string(), z.number().int())
      .default({})
      .describe(
        `Per agent: autonomous continuations before asking the user (default ${DEFAULT_TURN_LIMIT}).`,
      ),
    returnToPrevious: z
      .boolean()
      .default(true)
      .describe(
        "true: the user's reply goes to the agent that asked. false: it goes to the start agent.",
      ),
  })
  .describe('How the workflow talks to the user.');

export const terminationSchema = z
  .strictObject({
    maxMessages: z
      .number()
      .int()
      .optional()
      .describe('End when the shared transcript reaches this many messages.'),
    maxUserMessages: z
      .number()
      .int()
      .optional()
      .describe('End when this many user messages have been received.'),
    keywords: z
      .array(z.string())
      .optional()
      .describe('End when the latest message contains one of these (case-insensitive).'),
    endOnTerminalAgent: z
      .boolean()
      .optional()
      .describe('End when an agent with no outbound handoffs gives a final reply.'),
    maxHandoffsPerTurn: z
      .number()
      .int()
      .default(DEFAULT_MAX_HANDOFFS_PER_TURN)
      .describe('Loop guard: handoffs allowed between two user messages before the run fails.'),
    maxModelCallsPerTurn: z
      .number()
      .int()
      .optional()
      .describe(
        'Loop guard: model calls allowed between two user messages before the run fails ' +
          `(default ${DEFAULT_MAX_MODEL_CALLS_PER_TURN} when absent; absent is not written out).`,
      ),
  })
  .describe('When a run ends by itself. Every part is optional.');

export const defaultsSchema = z
  .strictObject({
    model: z.string().optional().describe('Model for agents that name none.'),
    temperature: z.number().min(0).max(2).optional().describe('Sampling temperature (0 to 2).'),
  })
  .describe('Defaults for every agent.');

export const workflowSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Optional JSON Schema reference for editors.'),
    format: z.literal(FORMAT).describe('Always "handoff-workflow".'),
    version: z.literal(CURRENT_VERSION).describe('Format version of this document.'),
    name: z.string().min(1).max(200).describe('Workflow name.'),
    description: z.string().default('').describe('What the workflow is for.'),
    startAgent: z.string().describe('The agent that receives the first user message.'),
    agents: z.array(agentSchema).describe('The agents (nodes). At least one is needed to run.'),
    handoffs: z
      .array(handoffSchema)
      .default([])
      .describe('Directed handoff edges. Empty means every agent may hand off to every other.'),
    tools: z.array(toolSchema).default([]).describe('Tools agents may call.'),
    interaction: interactionSchema.default({
      mode: 'interactive',
      autonomousAgents: [],
      autonomousPrompt: DEFAULT_AUTONOMOUS_PROMPT,
      turnLimits: {},
      returnToPrevious: true,
    }),
    termination: terminationSchema.default({ maxHandoffsPerTurn: DEFAULT_MAX_HANDOFFS_PER_TURN }),
    defaults: defaultsSchema.default({}),
    tests: z
      .array(testCaseSchema)
      .optional()
      .describe(
        'Routing tests that travel with the workflow (docs/spec/tests.md). Not part of what a ' +
          'run follows: editing them never changes the document hash runs resume by.',
      ),
  })
  .describe('A Handoff Studio workflow: agents, the handoffs between them, and how runs behave.');

export type Workflow = z.infer<typeof workflowSchema>;
export type WorkflowInput = z.input<typeof workflowSchema>;
export type Agent = z.infer<typeof agentSchema>;
export type Handoff = z.infer<typeof handoffSchema>;
export type Tool = z.infer<typeof toolSchema>;
export type Interaction = z.infer<typeof interactionSchema>;
export type Termination = z.infer<typeof terminationSchema>;

/** The JSON Schema published in `public/schema/workflow.v1.json` (what editors validate with). */
export function workflowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(workflowSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}

/** The result template of a tool, with the documented fallback. */
export function toolResultTemplate(tool: Pick<Tool, 'name' | 'result'>): string {
  return tool.result ?? `${tool.name} completed.`;
}
