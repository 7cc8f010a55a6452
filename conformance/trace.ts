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
  | { t: 'result'; agent: string; callId: string; name: string; arguments: unknown; result: string }
  | { t: 'handoff'; from: string; to: string }
  | { t: 'input'; agent: string }
  | { t: 'approval'; agent: string; name: string; arguments: unknown }
  | { t: 'end'; how: 'idle' | 'user_terminated' | 'paused' | 'error'; error?: string };

export type Step =
  | { kind: 'answer'; agent: string; text: string }
  | { kind: 'tool'; agent: string; name: string; arguments: unknown; result: string }
  | { kind: 'handoff'; from: string; to: string }
  | { kind: 'input'; agent: string }
  | { kind: 'approval'; agent: string; name: string; arguments: unknown }
  | { kind: 'end'; how: string; detail?: string };

/** Tells handoff tool calls from ordinary ones: is `name` a handoff tool offered to `agent`? */
export type IsHandoffTool = (agent: string, name: string) => boolean;

/** Steps from the engine's event stream (DESIGN §4) and how its invocation ended. */
export function engineSteps(
  events: readonly RunEvent[],
  outcome: string,
  isHandoff: IsHandoffTool,
): Step[] {
  const steps: Step[] = [];
  const calls = new Map<string, unknown>();
  for (const event of events) {
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
        if (!isHandoff(event.agent, event.name) || !isHandoffResult(event.result)) {
          steps.push({
            kind: 'tool',
            agent: event.agent,
            name: event.name,
            arguments: calls.get(event.callId),
            result: event.result,
          });
        }
        break;
      case 'handoff':
        steps.push({ kind: 'handoff', from: event.from, to: event.to });
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
  if (outcome === 'paused') steps.push({ kind: 'end', how: 'paused' });
  return steps;
}

/** Steps from the driver's report of the Agent Framework run. */
export function afSteps(events: readonly DriverEvent[], isHandoff: IsHandoffTool): Step[] {
  const steps: Step[] = [];
  for (const event of events) {
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
        if (!isHandoff(event.agent, event.name) || !isHandoffResult(event.result)) {
          steps.push({
            kind: 'tool',
            agent: event.agent,
            name: event.name,
            arguments: event.arguments,
            result: event.result,
          });
        }
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
    }
  }
  return steps;
}

function isHandoffResult(result: string): boolean {
  try {
    const parsed: unknown = JSON.parse(result);
    return typeof parsed === 'object' && parsed !== null && 'handoff_to' in parsed;
  } catch {
    return false;
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
  }
}
