/**
 * Reading a run state back from a checkpoint: a checkpoint is JSON written by an earlier
 * version, a killed writer or a hand, so `readRunState` checks it against one zod schema of the
 * state instead of trusting a cast. Checkpoints of session 2 and 3 (with `sharedCount`, without
 * `modelCallsSinceUser`) still read: the first is ignored, the second starts at 0.
 */
import { z } from 'zod';
import type { NextStep, RunState, StateEnvelope } from './state';

const count = z.number().int().nonnegative();
const toolArguments = z.union([z.record(z.string(), z.unknown()), z.string()]);

const callPlan = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('function'), approval: z.boolean() }),
  z.object({ kind: z.literal('handoff'), target: z.string(), reason: z.string().optional() }),
  z.object({ kind: z.literal('extra_handoff') }),
  z.object({ kind: z.literal('unknown') }),
  z.object({ kind: z.literal('invalid_arguments') }),
]);

const plannedCall = z.object({
  callId: z.string(),
  name: z.string(),
  arguments: toolArguments,
  plan: callPlan,
});

const inputRequest = z.object({
  kind: z.literal('input'),
  requestId: z.string(),
  agent: z.string(),
});
const approvalRequest = z.object({
  kind: z.literal('approval'),
  requestId: z.string(),
  agent: z.string(),
  callId: z.string(),
  name: z.string(),
  arguments: toolArguments,
});

const nextStep: z.ZodType<NextStep> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('call') }),
  z.object({ kind: z.literal('input'), request: inputRequest }),
  z.object({
    kind: z.literal('approval'),
    agent: z.string(),
    calls: z.array(plannedCall),
    requests: z.array(approvalRequest),
    decided: z.array(z.object({ callId: z.string(), approved: z.boolean() })).optional(),
  }),
  z.object({
    kind: z.literal('completed'),
    reason: z.enum(['termination_condition', 'terminal_agent', 'user_terminated']),
  }),
]);

/** A checkpoint's state merged with its envelope (run id, hash, seq, item count, checkpoint id). */
const runStateSchema: z.ZodType<RunState> = z
  .object({
    version: z.literal(1),
    runId: z.string(),
    docHash: z.string(),
    activeAgent: z.string(),
    next: nextStep,
    modelCalls: z.record(z.string(), count),
    autonomousTurns: count,
    handoffsSinceUser: count,
    modelCallsSinceUser: count.default(0),
    userMessages: count,
    itemCount: count,
    seq: count,
    requestCount: count,
    checkpointId: z.string().nullable(),
  })
  .strip();

/** The first thing wrong with `value` as a run state, in words (for the error message). */
function describeStateProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not a run state';
  const at = issue.path.join('.');
  return at === '' ? issue.message : `${at}: ${issue.message}`;
}

/**
 * Reads a checkpoint's `state` back (with its envelope), refusing anything that is not a
 * version-1 run state (`stateSchema.ts`): a damaged or unknown next step is an error, never a
 * loop.
 */
export function readRunState(
  value: { readonly [key: string]: unknown },
  envelope?: StateEnvelope,
): RunState {
  const parsed = runStateSchema.safeParse({ ...value, ...envelope });
  if (parsed.success) return parsed.data;
  const next = value['next'];
  const kind = typeof next === 'object' && next !== null && 'kind' in next ? next.kind : undefined;
  if (!['call', 'input', 'approval', 'completed'].includes(String(kind))) {
    throw new Error(
      `The checkpoint's next step (${JSON.stringify(kind) ?? 'none'}) is not one this engine knows.`,
    );
  }
  throw new Error(
    `The checkpoint does not hold a run state this engine can read (${describeStateProblem(parsed.error)}).`,
  );
}
