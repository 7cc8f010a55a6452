/**
 * Classifying and answering the tool calls of one reply (docs/spec/run-semantics.md#one-turn,
 * #approvals): which call is the handoff, which are unknown or malformed, which need approval, and
 * the result text of each.
 */
import type { CatalogueTool } from '../model';
import type { ToolArguments } from './events';
import type { ModelToolCall } from './provider';
import type { PlannedCall } from './state';

export const RESULT_TEXT = {
  extraHandoff: 'Ignored: only one handoff per reply.',
  invalidArguments: 'Error: invalid JSON arguments.',
  rejected: 'Error: Tool call invocation was rejected by user.',
  unknownTool: (name: string) => `Error: Requested function "${name}" not found.`,
  handoffLimit: (limit: number) => `Error: handoff limit of ${limit} reached.`,
} as const;

const TEMPLATE_REF = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * Parses raw tool-call arguments. Empty text means no arguments (models send "" for tools
 * without parameters); anything that is not a JSON object is refused.
 */
export function parseArguments(raw: string):
  | { ok: true; value: Record<string, unknown> }
  | {
      ok: false;
    } {
  if (raw.trim() === '') return { ok: true, value: {} };
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { ok: true, value: value as Record<string, unknown> };
    }
  } catch {
    // falls through to the refusal below
  }
  return { ok: false };
}

/** Fills `{{argument}}` placeholders; a placeholder without a matching argument stays as is. */
export function fillTemplate(template: string, args: ToolArguments): string {
  if (typeof args === 'string') return template;
  return template.replace(TEMPLATE_REF, (whole, name: string) => {
    if (!Object.hasOwn(args, name)) return whole;
    const value = args[name];
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Classifies the calls of one reply against the tools the agent was offered. */
export function planCalls(
  calls: readonly ModelToolCall[],
  offered: ReadonlyMap<string, CatalogueTool>,
): PlannedCall[] {
  let handoffTaken = false;
  return calls.map((call) => {
    const parsed = parseArguments(call.arguments);
    const args: ToolArguments = parsed.ok ? parsed.value : call.arguments;
    const base = { callId: call.id, name: call.name, arguments: args };
    const tool = offered.get(call.name);
    if (!tool) return { ...base, plan: { kind: 'unknown' } };
    if (!parsed.ok) return { ...base, plan: { kind: 'invalid_arguments' } };
    if (tool.kind === 'function') {
      return { ...base, plan: { kind: 'function', approval: tool.approval === 'always_require' } };
    }
    if (handoffTaken) return { ...base, plan: { kind: 'extra_handoff' } };
    handoffTaken = true;
    const reason = parsed.value.reason;
    return {
      ...base,
      plan: {
        kind: 'handoff',
        target: tool.target,
        ...(typeof reason === 'string' && reason !== '' ? { reason } : {}),
      },
    };
  });
}

export const needsApproval = (call: PlannedCall): boolean =>
  call.plan.kind === 'function' && call.plan.approval;
