/**
 * Routing tests carried by a workflow (docs/spec/tests.md): the optional `tests` part of the
 * document. A case is what a person would type (the user's turns, approval decisions) and what
 * must happen, judged on the run's event stream. Shape only; meaning (known agents and tools, a
 * route pattern that parses, a pass rate within 0–100) is checked by validation.
 */
import { z } from 'zod';

/** The pass rate a case needs when it names none: every sample must pass. */
export const DEFAULT_PASS_RATE = 100;
/** Test case ids: a letter or digit, then letters, digits, `_`, `-` or `.`; 64 at most. */
export const TEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const toolExpectationSchema = z
  .strictObject({
    name: z.string().describe('The tool (from the document\'s "tools").'),
    agent: z.string().optional().describe('Only calls by this agent count.'),
    arguments: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('A subset of the arguments the call must carry (deep equality per key).'),
    called: z
      .boolean()
      .optional()
      .describe('false: no matching call may happen. Absent or true: at least one must.'),
  })
  .describe('A tool that must (or must not) be called.');

export const messageExpectationSchema = z
  .strictObject({
    agent: z.string().optional().describe("Only this agent's messages count; absent: any agent's."),
    which: z
      .enum(['final', 'any'])
      .optional()
      .describe(
        '"final" (default): the last message of the run (of that agent); "any": some message.',
      ),
    contains: z.string().optional().describe('Text the message contains (case-insensitive).'),
    matches: z
      .string()
      .optional()
      .describe('A regular expression (JavaScript syntax, no flags) the message matches.'),
  })
  .describe('Text an agent must say.');

export const handoffRefSchema = z
  .strictObject({
    source: z.string().describe('The agent that hands off.'),
    target: z.string().describe('The agent it hands off to.'),
  })
  .describe('A handoff, by its two agents.');

export const expectationsSchema = z
  .strictObject({
    route: z
      .string()
      .optional()
      .describe(
        'The path of agents in control, from the start agent, as a pattern: names joined by ">", ' +
          '"(a | b)" for one of, "_" for any one agent, "*" for any run of agents, and the ' +
          'suffixes "?", "*", "+". Example: "triage > (order | return) > *".',
      ),
    reaches: z.array(z.string()).optional().describe('Agents that must be reached.'),
    avoids: z.array(z.string()).optional().describe('Agents that must not be reached.'),
    avoidsHandoffs: z
      .array(handoffRefSchema)
      .optional()
      .describe('Handoffs that must not be taken.'),
    onlyAllowedHandoffs: z
      .boolean()
      .optional()
      .describe('true: no agent may even try a handoff the topology forbids.'),
    endAgent: z.string().optional().describe('The agent in control when the case ends.'),
    outcome: z
      .enum(['asking_user', 'awaiting_approval', 'completed', 'failed'])
      .optional()
      .describe(
        'How the case ends: the workflow asks the user after the last turn, waits for an ' +
          'approval after the last decision, completes, or fails.',
      ),
    completion: z
      .enum(['termination_condition', 'terminal_agent', 'user_terminated'])
      .optional()
      .describe('Why the run completed (implies outcome "completed").'),
    tools: z
      .array(toolExpectationSchema)
      .optional()
      .describe('Tools that must (or must not) be called.'),
    maxHandoffs: z.number().int().optional().describe('At most this many handoffs.'),
    maxModelCalls: z.number().int().optional().describe('At most this many model calls.'),
    messages: z.array(messageExpectationSchema).optional().describe('Text agents must say.'),
  })
  .describe('What must happen. Every part is optional; a case passes when all hold.');

export const testCaseSchema = z
  .strictObject({
    id: z
      .string()
      .describe(
        'Stable id of the case (letters, digits, "_", "-", "."; 64 at most), unique in the ' +
          'document. Results are kept by it; renaming the case keeps its history.',
      ),
    name: z.string().describe('What the case checks, for people.'),
    turns: z
      .array(z.string())
      .describe(
        "The user's messages in order: the opening message, then one reply each time the " +
          'workflow asks.',
      ),
    endConversation: z
      .boolean()
      .optional()
      .describe(
        'true: when the workflow asks after the last turn, the user ends the conversation.',
      ),
    approvals: z
      .array(z.enum(['approve', 'reject']))
      .optional()
      .describe('Decisions for approval requests, in the order they are asked.'),
    expect: expectationsSchema.default({}),
    passRate: z
      .number()
      .optional()
      .describe(
        `Percent of samples that must pass on a provider that is not deterministic (0–100; ` +
          `default ${DEFAULT_PASS_RATE}).`,
      ),
  })
  .describe('A routing test: the user side of a conversation and what must happen.');

export type TestCase = z.infer<typeof testCaseSchema>;
export type Expectations = z.infer<typeof expectationsSchema>;
export type ToolExpectation = z.infer<typeof toolExpectationSchema>;
export type MessageExpectation = z.infer<typeof messageExpectationSchema>;
export type HandoffRef = z.infer<typeof handoffRefSchema>;
