/**
 * What a conformance scenario is: a document, the model replies scripted per agent (the same for
 * every side), the user's messages and decisions, and, where the specification deliberately differs
 * from a side's framework, the documented difference and a check that the traces differ exactly so.
 */
import type { Script } from '../src/engine';
import type { Workflow } from '../src/model';
import { makeDoc } from '../test/support/engineHarness';
import type { ChatRequestBody } from '../test/support/openaiServer';
import type { Reply } from './replyOrder';
import type { Step } from './trace';

/** What the engine and one side (side.ts) did in a scenario. */
export interface Observed {
  engine: Step[];
  side: Step[];
  /** The request bodies the engine and the side sent to the model, in order. */
  engineRequests: ChatRequestBody[];
  sideRequests: ChatRequestBody[];
  /** Each reply's events in the order each announced them (replyOrder.ts). */
  engineReplies: Reply[];
  sideReplies: Reply[];
  /** How an engine end reads on the side (Side.endOf). */
  endOf(engineHow: string): string | undefined;
}

export interface Documented {
  /**
   * The deliberate difference, with its source (docs/spec/export-agent-framework.md#differences,
   * docs/spec/export-agents-sdk.md, the export's header comment).
   */
  difference: string;
  /** Undefined when the sides differ exactly as documented; else what does not fit. */
  check(observed: Observed): string | undefined;
}

export interface Scenario {
  name: string;
  doc: Workflow;
  script: Script;
  /** The opening user message. */
  opening: string;
  /** Answers to input requests in order; "" is the user's End. None left: the run pauses. */
  inputs?: string[];
  /** Answers to approval requests in order. */
  decisions?: boolean[];
  /**
   * Resumes after the run pauses (answers used up), each with its own answers: the engine resumes
   * from the run's latest checkpoint, AF from the pause's checkpoint in a workflow built anew.
   */
  resumes?: Array<{ inputs?: string[]; decisions?: boolean[] }>;
  /** Documented differences by side name (Side.name: `af`, `agents-ts` …). */
  documented?: Partial<Record<string, Documented>>;
}

type AgentPart = string | ({ name: string } & Record<string, unknown>);

/** A valid document from the parts a scenario cares about; instructions are "You are <name>." */
export function workflow(parts: {
  name: string;
  agents: AgentPart[];
  startAgent?: string;
  handoffs?: Array<[string, string] | { source: string; target: string; description?: string }>;
  tools?: unknown[];
  interaction?: Record<string, unknown>;
  termination?: Record<string, unknown>;
}): Workflow {
  // Both sides of a scenario ask the test server for the same model.
  return makeDoc({ ...parts, defaults: { model: 'gpt-test' } });
}

/** A simulated tool (docs/spec/document.md#tools) taking string parameters. */
export function tool(
  name: string,
  params: string[],
  result: string,
  approval: 'always_require' | 'never_require' = 'never_require',
): Record<string, unknown> {
  return {
    name,
    description: `The ${name} tool.`,
    parameters: {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p, { type: 'string' }])),
      required: params,
    },
    approval,
    result,
  };
}

/** A reply that hands off to `target`, with optional text first. */
export const handoff = (target: string, text?: string) => ({
  ...(text ? { text } : {}),
  toolCalls: [{ name: `handoff_to_${target}`, arguments: {} }],
});

/** A reply that calls `name` with `args`. */
export const call = (name: string, args: Record<string, unknown> = {}, text?: string) => ({
  ...(text ? { text } : {}),
  toolCalls: [{ name, arguments: args }],
});

/** A final (text only) reply. */
export const say = (text: string) => ({ text });
