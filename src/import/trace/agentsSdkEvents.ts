/**
 * An Agents SDK trace as our run event stream (docs/spec/events.md), in the order of one reply:
 * `agent_started`, `usage`, `message`, each call's `tool_call` and `tool_result`, then the
 * `handoff`; an approval-gated reply puts its calls, the requests and the (given) answers before
 * the results. Messages, arguments and results come from the spans only: a trace recorded without
 * `traceIncludeSensitiveData` has none, and its tool calls carry the SDK's empty strings.
 */
import type { RunEvent, RunEventBody, ToolArguments } from '../../engine/events';
import { usageOf, type SdkUsage } from './agentsSdkContent';
import { isRecord, type SdkSpan } from './agentsSdkRead';
import type { LinkedCall, LinkedModelSpan, Links } from './agentsSdkLink';
import { agentNameOf } from './agentsSdkLink';
import type { NoteLog } from './agentsSdkNotes';
import type { WalkedSpan } from './agentsSdkTree';

export interface EventContext {
  runId: string;
  /** The workflow name of a trace agent name. */
  name(traceName: string): string;
  /** False when the open workflow does not allow this handoff (workflow names). */
  allowed(from: string, to: string): boolean;
  notes: NoteLog;
}

/** Arguments as events carry them: the JSON object, else the raw text. */
function toArguments(raw: string): ToolArguments {
  // Only an object is parsed: a throw per call would cost more than the whole import.
  if (!raw.trimStart().startsWith('{')) return raw;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // the raw text is kept
  }
  return raw;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function buildEvents(walked: readonly WalkedSpan[], links: Links, ctx: EventContext) {
  const events: RunEvent[] = [];
  const emit = (body: RunEventBody) => events.push({ ...body, seq: events.length + 1 } as RunEvent);
  const callIndex = new Map<string, number>();
  let userShown = false;
  let open = 0;
  emit({ type: 'run_started', runId: ctx.runId });

  const handoff = (traceFrom: string, traceTo: string, span: SdkSpan, call?: LinkedCall) => {
    const from = ctx.name(traceFrom);
    const to = ctx.name(traceTo);
    if (!ctx.allowed(from, to)) {
      ctx.notes.add(
        'flagged',
        'handoff_not_allowed',
        `${from} handed off to ${to}, which the open workflow does not allow.`,
        span.id,
      );
      // The warning our engine gives for a call of a handoff tool the agent was not offered.
      emit({
        type: 'warning',
        code: 'unknown_tool',
        message: `${from} handed off to ${to}; the workflow has no such handoff.`,
        agent: from,
        target: to,
        ...(call ? { callId: call.call.id, tool: call.call.name } : {}),
      });
    }
    emit({ type: 'handoff', from, to });
  };

  const results = (agent: string, calls: readonly LinkedCall[]) => {
    for (const c of calls) {
      if (c.kind === 'function' && c.ran) {
        const span = c.ran.span;
        emit({
          type: 'tool_result',
          agent,
          callId: c.call.id,
          name: c.call.name,
          result: text(span.data.output) || (span.error?.message ?? ''),
          isError: span.error !== null,
        });
      } else if (links.toolResults.has(c.call.id)) {
        // A handoff's result, or what the model was told of a call that never ran (rejected).
        const result = links.toolResults.get(c.call.id)!;
        emit({
          type: 'tool_result',
          agent,
          callId: c.call.id,
          name: c.call.name,
          result,
          isError: c.kind === 'function',
        });
      } else {
        ctx.notes.add(
          'missing',
          'result_missing',
          `The result of ${agent}'s call ${c.call.name} (${c.call.id}) is not in the trace.`,
        );
      }
    }
  };

  const reply = (w: WalkedSpan, model: LinkedModelSpan) => {
    const agent = ctx.name(model.agent);
    const { call } = model;
    if (!userShown && call.captured) {
      for (const message of call.userMessages) emit({ type: 'user_message', text: message });
      userShown = true;
    }
    const index = callIndex.get(agent) ?? 0;
    callIndex.set(agent, index + 1);
    emit({ type: 'agent_started', agent });
    const usage = call.usage ?? turnUsage(w, links);
    if (usage) emit({ type: 'usage', agent, ...usage, callIndex: index });
    if (call.text !== undefined) emit({ type: 'message', agent, text: call.text });
    const toolCall = (c: LinkedCall) => {
      const target = c.target !== undefined ? ctx.name(c.target) : undefined;
      emit({
        type: 'tool_call',
        agent,
        callId: c.call.id,
        name: c.call.name,
        arguments: toArguments(c.call.arguments),
        ...(c.kind === 'handoff' && target !== undefined ? { handoffTarget: target } : {}),
      });
    };
    const gated = model.calls.filter((c) => c.gated || (c.kind === 'function' && !c.ran));
    if (gated.length === 0) {
      for (const c of model.calls) {
        toolCall(c);
        results(agent, [c]);
      }
    } else {
      model.calls.forEach(toolCall);
      for (const c of gated) {
        if (c.ran || c.rejected) {
          approvalNote(ctx.notes, agent, c.call.name, (c.ran ?? w).span.id, c.rejected === true);
        }
        emit({
          type: 'approval_requested',
          requestId: `approval-${c.call.id}`,
          agent,
          callId: c.call.id,
          name: c.call.name,
          arguments: toArguments(c.call.arguments),
        });
      }
      for (const c of gated) {
        if (c.ran || c.rejected) {
          const approved = c.rejected !== true;
          emit({ type: 'approval_resolved', requestId: `approval-${c.call.id}`, approved });
        } else open += 1;
      }
      results(
        agent,
        model.calls.filter((c) => c.kind === 'handoff' || c.ran || c.rejected),
      );
    }
    const taken = model.calls.find((c) => c.kind === 'handoff' && c.target !== undefined);
    if (taken) handoff(model.agent, taken.target!, (taken.hop ?? w).span, taken);
  };

  for (const w of walked) {
    const traceAgent = agentNameOf(w);
    if (w.kind === 'generation' || w.kind === 'response') {
      const model = links.models.get(w.span.id);
      if (model) reply(w, model);
      else
        ctx.notes.add(
          'missing',
          'agent_unknown',
          'A model call outside any agent span.',
          w.span.id,
        );
    } else if (w.kind === 'function' && !links.claimed.has(w.span.id) && traceAgent) {
      standaloneCall(
        w,
        ctx.name(traceAgent),
        links.gatedAlone.has(w.span.id),
        emit,
        ctx.notes,
        links.captured,
      );
    } else if (w.kind === 'handoff' && !links.claimed.has(w.span.id)) {
      const { from_agent: from, to_agent: to } = w.span.data;
      if (typeof from === 'string' && typeof to === 'string') handoff(from, to, w.span);
      else
        ctx.notes.add(
          'missing',
          'handoff_ends_missing',
          'A handoff span without both agents.',
          w.span.id,
        );
    }
    if (w.span.error && w.kind !== 'task' && w.kind !== 'function') {
      emit({
        type: 'warning',
        code: 'trace_span_error',
        message: w.span.error.message,
        ...(traceAgent ? { agent: ctx.name(traceAgent) } : {}),
      });
    }
  }
  finish(walked, open, emit, ctx.notes);
  return events;
}

/** The SDK pauses a run only for its interruptions: a call run after a resume was approved. */
function approvalNote(
  notes: NoteLog,
  agent: string,
  tool: string,
  spanId: string,
  rejected: boolean,
): void {
  notes.add(
    'recognised',
    'approval_inferred',
    rejected
      ? `${agent}'s call of ${tool} was rejected by a person (it never ran; the run went on).`
      : `${agent}'s call of ${tool} ran after the run paused and resumed: shown as approved.`,
    spanId,
  );
}

/** A function span no captured call claimed: the call as the span has it. */
function standaloneCall(
  w: WalkedSpan,
  agent: string,
  gated: boolean,
  emit: (body: RunEventBody) => void,
  notes: NoteLog,
  captured: boolean,
): void {
  // A rejection names the SDK's call id; otherwise the span's id stands for the call.
  const callId = w.span.error?.rejectedCallId ?? w.span.id;
  const rejected = w.span.error?.rejectedCallId !== undefined;
  const name = text(w.span.data.name) || 'function';
  const args = toArguments(text(w.span.data.input));
  emit({ type: 'tool_call', agent, callId, name, arguments: args });
  if (gated) {
    approvalNote(notes, agent, name, w.span.id, rejected);
    const requestId = `approval-${callId}`;
    emit({ type: 'approval_requested', requestId, agent, callId, name, arguments: args });
    emit({ type: 'approval_resolved', requestId, approved: !rejected });
  }
  // Without captured content the SDK writes "" for every result: only an error is known.
  if (!captured && !w.span.error) return;
  emit({
    type: 'tool_result',
    agent,
    callId,
    name,
    result: text(w.span.data.output) || (w.span.error?.message ?? ''),
    isError: w.span.error !== null,
  });
}

/** The usage of the call's turn span when the turn made only this model call. */
function turnUsage(w: WalkedSpan, links: Links): SdkUsage | undefined {
  const turn = w.turn;
  if (!turn || links.modelsPerTurn.get(turn.id) !== 1) return undefined;
  const data = turn.data.data;
  return isRecord(data) ? usageOf(data.usage) : undefined;
}

/**
 * How the run ended: the SDK ends a run at the first final output, shown as `completed`
 * (`terminal_agent` when the answering agent offers no handoff, else `termination_condition`);
 * an error on the last task span is `failed`; a trace that ends
 * waiting for approval ends paused; one whose last task never ended has no end (noted).
 */
function finish(
  walked: readonly WalkedSpan[],
  open: number,
  emit: (body: RunEventBody) => void,
  notes: NoteLog,
): void {
  if (open > 0) {
    notes.add('recognised', 'run_paused', 'The trace ends with the run waiting for approval.');
    return;
  }
  let last: WalkedSpan | undefined;
  for (const w of walked) if (w.kind === 'task') last = w;
  if (!last) for (const w of walked) if (w.kind === 'agent' && !w.span.parentId) last = w;
  if (!last) for (const w of walked) if (w.kind === 'agent') last = w;
  if (!last) return;
  // Spans that started after it ended hang under a task span the file lost: no known end.
  const after = walked.some(
    (w) => last.span.endedAt !== null && (w.span.startedAt ?? '') > last.span.endedAt,
  );
  if (last.span.error) {
    emit({ type: 'failed', error: { code: 'trace_span_error', message: last.span.error.message } });
  } else if (last.span.endedAt !== null && !after) {
    let agent: WalkedSpan | undefined;
    for (const w of walked) if (w.kind === 'agent') agent = w;
    const handoffs = agent?.span.data.handoffs;
    const terminal = Array.isArray(handoffs) && handoffs.length === 0;
    emit({ type: 'completed', reason: terminal ? 'terminal_agent' : 'termination_condition' });
  } else {
    notes.add(
      'missing',
      'run_unfinished',
      'The run had not ended when the trace was written.',
      last.span.id,
    );
  }
}
