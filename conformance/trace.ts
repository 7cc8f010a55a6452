/**
 * The comparable trace of one run, the same vocabulary for both sides: which agent answered (one
 * step per model call, with the text it said), the ordinary tool calls and their results, the
 * handoffs taken, the input and approval requests raised, and how the run ended. Handoff tool
 * calls are not steps of their own: the `handoff` step says what they did.
 */
import type { RunEvent } from '../src/engine';

/** What the Python driver (driver.py) reports, raw. */
export type DriverEvent =
  | { t: 'model'; agent: string }
  | { t: 'text'; agent: string; text: string }
  | { t: 'call'; agent: string; callId: string; name: string }
  | { t: 'result'; agent: string; callId: string; name: string; arguments: unknown; result: string }
  | { t: 'handoff'; from: string; to: string }
  | { t: 'input'; agent: string; requestId: string }
  | {
      t: 'approval';
      agent: string;
      requestId: string;
      callId: string;
      name: string;
      arguments: unknown;
    }
  | {
      t: 'end';
      /**
       * driver.py: idle | user_terminated | paused | error. The Agents SDK driver reports the
       * conversation's own end: `completed: <reason>`, `failed: <code>`, paused or error.
       */
      how: string;
      error?: string;
      /** A pause: the ids of the requests left open. */
      open?: string[];
    }
  | { t: 'resumed' };

export type Step =
  | { kind: 'answer'; agent: string; text: string }
  | { kind: 'tool'; agent: string; name: string; arguments: unknown; result: string }
  | { kind: 'handoff'; from: string; to: string }
  | { kind: 'input'; agent: string }
  | { kind: 'approval'; agent: string; name: string; arguments: unknown }
  | { kind: 'end'; how: string; detail?: string }
  | { kind: 'resume' };

/** Tells handoff tool calls from ordinary ones: is `name` a handoff tool offered to `agent`? */
export type IsHandoffTool = (agent: string, name: string) => boolean;

/** Engine events that begin a step (warnings, checkpoints, usage and deltas do not). */
const STEP_EVENTS = new Set<RunEvent['type']>([
  'agent_started',
  'message',
  'handoff',
  'input_requested',
  'approval_requested',
  'completed',
  'failed',
  'run_resumed',
]);

/** Steps from the engine's event stream (docs/spec/events.md) and how its invocation ended. */
export function engineSteps(
  events: readonly RunEvent[],
  outcome: string,
  isHandoff: IsHandoffTool,
): Step[] {
  const steps: Step[] = [];
  const calls = new Map<string, unknown>();
  const results = new HandoffResults(steps, isHandoff);
  for (const event of events) {
    if (STEP_EVENTS.has(event.type)) results.flush(event.type === 'handoff' ? event.to : undefined);
    switch (event.type) {
      case 'agent_started':
        steps.push({ kind: 'answer', agent: event.agent, text: '' });
        break;
      case 'message': {
        const last = lastAnswer(steps, event.agent);
        if (last) last.text += event.text;
        break;
      }
      case 'tool_call':
        calls.set(event.callId, event.arguments);
        break;
      case 'tool_result':
        results.add({
          kind: 'tool',
          agent: event.agent,
          name: event.name,
          arguments: calls.get(event.callId),
          result: event.result,
        });
        break;
      case 'handoff':
        steps.push({ kind: 'handoff', from: event.from, to: event.to });
        break;
      case 'run_resumed':
        // The invocation before paused (a resume continues only a paused run here).
        steps.push({ kind: 'end', how: 'paused' }, { kind: 'resume' });
        break;
      case 'input_requested':
        steps.push({ kind: 'input', agent: event.agent });
        break;
      case 'approval_requested':
        steps.push({
          kind: 'approval',
          agent: event.agent,
          name: event.name,
          arguments: event.arguments,
        });
        break;
      case 'completed':
        steps.push({ kind: 'end', how: `completed: ${event.reason}` });
        break;
      case 'failed':
        steps.push({
          kind: 'end',
          how: `failed: ${event.error.code}`,
          detail: event.error.message,
        });
        break;
      default:
        break;
    }
  }
  results.flush(undefined);
  if (outcome === 'paused') steps.push({ kind: 'end', how: 'paused' });
  return steps;
}

/** Steps from the driver's report of the Agent Framework run. */
export function afSteps(events: readonly DriverEvent[], isHandoff: IsHandoffTool): Step[] {
  const steps: Step[] = [];
  const results = new HandoffResults(steps, isHandoff);
  for (const event of events) {
    // A reply's calls come before its results: only what follows them releases the results.
    if (event.t !== 'result' && event.t !== 'call')
      results.flush(event.t === 'handoff' ? event.to : undefined);
    switch (event.t) {
      case 'model':
        steps.push({ kind: 'answer', agent: event.agent, text: '' });
        break;
      case 'text': {
        const last = lastAnswer(steps, event.agent);
        if (last) last.text += event.text;
        break;
      }
      case 'result':
        results.add({
          kind: 'tool',
          agent: event.agent,
          name: event.name,
          arguments: event.arguments,
          result: event.result,
        });
        break;
      case 'handoff':
        steps.push({ kind: 'handoff', from: event.from, to: event.to });
        break;
      case 'input':
        steps.push({ kind: 'input', agent: event.agent });
        break;
      case 'approval':
        steps.push({
          kind: 'approval',
          agent: event.agent,
          name: event.name,
          arguments: event.arguments,
        });
        break;
      case 'end':
        steps.push({
          kind: 'end',
          how: event.how === 'error' ? 'failed' : event.how,
          ...(event.error ? { detail: event.error } : {}),
        });
        break;
      case 'resumed':
        steps.push({ kind: 'resume' });
        break;
    }
  }
  results.flush(undefined);
  return steps;
}

type ToolStep = Extract<Step, { kind: 'tool' }>;

/**
 * The results of one reply's calls, held until the next event: the result of the handoff call
 * that was taken (`{"handoff_to": target}` of a handoff tool, followed by the handoff to that
 * target) is folded into the `handoff` step; every other result is a step of its own.
 */
class HandoffResults {
  private held: ToolStep[] = [];
  constructor(
    private readonly steps: Step[],
    private readonly isHandoff: IsHandoffTool,
  ) {}

  add(step: ToolStep): void {
    this.held.push(step);
  }

  /** Emits the held results; `taken` is the target of the handoff that follows, if one does. */
  flush(taken: string | undefined): void {
    let folded = false;
    for (const step of this.held) {
      if (
        !folded &&
        taken !== undefined &&
        this.isHandoff(step.agent, step.name) &&
        handoffTarget(step.result) === taken
      ) {
        folded = true;
        continue;
      }
      this.steps.push(step);
    }
    this.held = [];
  }
}

/**
 * The target a handoff tool's result names: `{"handoff_to": x}` (the engine, Agent Framework) or
 * `{"assistant": x}` (the Agents SDK's transfer message).
 */
function handoffTarget(result: string): unknown {
  try {
    const parsed: unknown = JSON.parse(result);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    if ('handoff_to' in parsed) return (parsed as { handoff_to: unknown }).handoff_to;
    return 'assistant' in parsed ? (parsed as { assistant: unknown }).assistant : undefined;
  } catch {
    return undefined;
  }
}

function lastAnswer(steps: Step[], agent: string): Extract<Step, { kind: 'answer' }> | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.kind === 'answer') return step.agent === agent ? step : undefined;
  }
  return undefined;
}

/** JSON with sorted keys, so that argument objects compare by value. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** One line per step; two steps agree when their lines are equal (ends: see `endsAgree`). */
export function render(step: Step): string {
  switch (step.kind) {
    case 'answer':
      return `${step.agent} answers ${JSON.stringify(step.text)}`;
    case 'tool':
      return `${step.agent} calls ${step.name}(${canonical(step.arguments)}) -> ${JSON.stringify(step.result)}`;
    case 'handoff':
      return `handoff ${step.from} -> ${step.to}`;
    case 'input':
      return `input requested by ${step.agent}`;
    case 'approval':
      return `approval requested by ${step.agent} for ${step.name}(${canonical(step.arguments)})`;
    case 'end':
      return `ends ${step.how}${step.detail ? ` (${step.detail})` : ''}`;
    case 'resume':
      return 'resumed from the checkpoint of the pause';
  }
}
