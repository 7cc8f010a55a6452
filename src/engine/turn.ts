/**
 * Answering the calls of one reply (docs/spec/run-semantics.md#one-turn, #approvals): the result
 * text of each call, the warning it raises, and the handoff the batch takes. Pure; the runner emits
 * and records.
 */
import { handoffResult, handoffTargetOf, toolResultTemplate, type Tool } from '../model';
import { fillTemplate, RESULT_TEXT } from './calls';
import type { PlannedCall } from './state';

export interface CallAnswer {
  result: string;
  isError: boolean;
  warning?: {
    code: 'unknown_tool' | 'extra_handoff';
    message: string;
    callId: string;
    tool: string;
    target?: string;
  };
}

/**
 * The answer to one call. `approved` is the person's decision for a call that needed approval
 * (undefined otherwise); `tools` are the document's tools by name.
 */
export function answerCall(
  agent: string,
  call: PlannedCall,
  approved: boolean | undefined,
  tools: ReadonlyMap<string, Tool>,
  handoffTarget: string | undefined,
): CallAnswer {
  switch (call.plan.kind) {
    case 'handoff':
      return { result: handoffResult(call.plan.target), isError: false };
    case 'extra_handoff':
      return {
        result: RESULT_TEXT.extraHandoff,
        isError: false,
        warning: {
          ...callFields(call),
          code: 'extra_handoff',
          message:
            `"${agent}" called ${call.name} in a reply that already hands off` +
            (handoffTarget !== undefined ? ` to "${handoffTarget}"` : '') +
            '; only the first handoff of a reply is taken.',
        },
      };
    case 'invalid_arguments':
      return { result: RESULT_TEXT.invalidArguments, isError: true };
    case 'unknown':
      return unknownTool(agent, call);
    case 'function': {
      if (approved === false) return { result: RESULT_TEXT.rejected, isError: true };
      // A fork may run a changed document in which the tool no longer exists.
      const tool = tools.get(call.name);
      if (!tool) return unknownTool(agent, call);
      return { result: fillTemplate(toolResultTemplate(tool), call.arguments), isError: false };
    }
  }
}

function unknownTool(agent: string, call: PlannedCall): CallAnswer {
  return {
    result: RESULT_TEXT.unknownTool(call.name),
    isError: true,
    warning: {
      ...callFields(call),
      code: 'unknown_tool',
      message: `"${agent}" called "${call.name}", which is not one of the tools it is offered.`,
    },
  };
}

/** The structured fields of a warning about `call`. */
function callFields(call: PlannedCall): { callId: string; tool: string; target?: string } {
  const target = handoffTargetOf(call.name);
  return { callId: call.callId, tool: call.name, ...(target !== undefined ? { target } : {}) };
}

/**
 * The handoff a batch takes, if any: its first handoff call (docs/spec/run-semantics.md#one-turn).
 */
export function handoffOf(
  calls: readonly PlannedCall[],
): { call: PlannedCall; target: string; reason?: string } | undefined {
  for (const call of calls) {
    if (call.plan.kind === 'handoff') {
      return {
        call,
        target: call.plan.target,
        ...(call.plan.reason !== undefined ? { reason: call.plan.reason } : {}),
      };
    }
  }
  return undefined;
}
