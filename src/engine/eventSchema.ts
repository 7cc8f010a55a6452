/**
 * The run event stream as one zod schema (the same way the document has one): validates run files
 * on import and gives the published JSON Schema (`public/schema/run-events.v1.json`). Objects are
 * loose: the stream changes only by adding optional fields and event types, so a consumer must
 * accept fields it does not know; the fields listed here are checked.
 */
import { z } from 'zod';
import type { RunEvent } from './events';

const name = z.string().describe('An agent name.');
const toolArguments = z
  .union([z.record(z.string(), z.unknown()), z.string()])
  .describe('The parsed JSON object, or the raw text when the arguments were not a JSON object.');

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, description: string) =>
  z
    .looseObject({
      seq: z.number().int().min(1).describe('1, 2, 3 … over the whole life of the run.'),
      type: z.literal(type),
      ...shape,
    })
    .describe(description);

export const runEventSchema = z.discriminatedUnion('type', [
  event('run_started', { runId: z.string().min(1) }, 'A new run.'),
  event(
    'run_resumed',
    { runId: z.string().min(1), checkpointId: z.string() },
    'An invocation continues the run from a checkpoint.',
  ),
  event('agent_started', { agent: name }, 'Before every model call.'),
  event('text_delta', { agent: name, delta: z.string() }, 'Streamed text of the model call.'),
  event('message', { agent: name, text: z.string() }, "The reply's whole text."),
  event(
    'tool_call',
    {
      agent: name,
      callId: z.string(),
      name: z.string(),
      arguments: toolArguments,
      handoffTarget: name.optional().describe('For a handoff tool: the agent it hands off to.'),
    },
    'A call of the reply.',
  ),
  event(
    'tool_result',
    {
      agent: name,
      callId: z.string(),
      name: z.string(),
      result: z.string(),
      isError: z.boolean(),
    },
    'The answer to one call.',
  ),
  event(
    'handoff',
    { from: name, to: name, reason: z.string().optional() },
    'Control passed to another agent.',
  ),
  event('input_requested', { requestId: z.string(), agent: name }, 'The run asks the user.'),
  event('user_message', { text: z.string() }, 'A message of the user.'),
  event(
    'approval_requested',
    {
      requestId: z.string(),
      agent: name,
      callId: z.string(),
      name: z.string(),
      arguments: toolArguments,
    },
    'A gated call waits for a decision.',
  ),
  event(
    'approval_resolved',
    { requestId: z.string(), approved: z.boolean() },
    'A decision, applied.',
  ),
  event('checkpoint_saved', { checkpointId: z.string() }, 'A checkpoint was written.'),
  event(
    'completed',
    { reason: z.enum(['termination_condition', 'terminal_agent', 'user_terminated']) },
    'The run ended.',
  ),
  event(
    'warning',
    {
      code: z.string(),
      message: z.string().describe('For people; never parsed.'),
      agent: name.optional(),
      callId: z.string().optional(),
      tool: z.string().optional(),
      target: name.optional(),
    },
    'Something the model did that the run survived.',
  ),
  event(
    'failed',
    {
      error: z.looseObject({
        code: z.string(),
        message: z.string(),
        agent: name.optional(),
        limit: z.number().int().optional(),
      }),
    },
    'The run failed.',
  ),
  event('stopped', {}, 'The run was stopped (resumable).'),
  event(
    'breakpoint',
    { kind: z.enum(['agent', 'step', 'edge']), agent: name, to: name.optional() },
    'Paused at a live breakpoint.',
  ),
  event(
    'breakpoint_released',
    { mode: z.enum(['continue', 'step']) },
    'Went on from a breakpoint.',
  ),
  event(
    'model_retry',
    {
      agent: name,
      reason: z.enum(['rate_limited', 'server_error', 'connection']),
      attempt: z.number().int().min(1),
      maxAttempts: z.number().int().min(1),
      waitMs: z.number().min(0),
      message: z.string().describe('For people; never parsed.'),
    },
    'The provider waits before trying a failed model call again.',
  ),
  event(
    'usage',
    {
      agent: name,
      promptTokens: z.number().min(0),
      completionTokens: z.number().min(0),
      totalTokens: z.number().min(0),
      callIndex: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe("The agent's n-th model call (0-based)."),
      durationMs: z.number().min(0).optional().describe('How long the call took.'),
      estimated: z.boolean().optional().describe('The counts are an estimate, not a bill.'),
    },
    'Token usage and time of one model call.',
  ),
]);

type Parsed = z.infer<typeof runEventSchema>;
/** Compile-time: every event type of `events.ts` has a schema, and every schema an event type. */
type SameTypes = [RunEvent['type']] extends [Parsed['type']]
  ? [Parsed['type']] extends [RunEvent['type']]
    ? true
    : false
  : false;
export const EVENT_TYPES_MATCH: SameTypes = true;

/** The event stream's JSON Schema (an array of events). */
export function runEventsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(z.array(runEventSchema), { io: 'input' }) as Record<string, unknown>;
}
