/**
 * The order of events within a reply, compared between the two sides. The step trace (trace.ts)
 * says what happened; this says in which order each side announced it, one reply (one model call)
 * at a time: its text, each tool call, each result, then the handoff or the requests it raised.
 *
 * The two streams differ in one documented way. The engine announces each call directly before
 * its own result (docs/spec/events.md#order); Agent Framework streams a reply's calls as part of
 * the model's response, so all of them come before the first result. The engine's reply is first
 * checked against its own documented order, then moved into Agent Framework's by that one rule
 * (`asAgentFramework`) and compared token by token: the calls in the same order, the results in
 * the same order, text first, the handoff or requests last.
 */
import type { RunEvent } from '../src/engine';
import type { DriverEvent } from './trace';

/**
 * One reply's events as tokens: `text`, `call <name>`, `result <name>`, `approval <name>`,
 * `handoff <target>`, `input`. A reply's n-th call and its result carry the same `#n`.
 */
export interface Reply {
  agent: string;
  tokens: string[];
}

/** Per-reply bookkeeping shared by both sides: call numbers by call id, text told once. */
class Replies {
  readonly all: Reply[] = [];
  private numbers = new Map<string, number>();
  private current: Reply | undefined;

  start(agent: string): void {
    this.current = { agent, tokens: [] };
    this.numbers = new Map();
    this.all.push(this.current);
  }

  text(): void {
    const tokens = this.current?.tokens;
    if (tokens && tokens[tokens.length - 1] !== 'text') tokens.push('text');
  }

  call(callId: string, name: string): void {
    if (!this.current || this.numbers.has(callId)) return;
    this.numbers.set(callId, this.numbers.size + 1);
    this.current.tokens.push(`call#${this.numbers.size} ${name}`);
  }

  /** A call's result, approval request, … named by the call's number in its reply. */
  ofCall(kind: string, callId: string, name: string): void {
    const n = this.numbers.get(callId);
    this.current?.tokens.push(`${kind}#${n ?? '?'} ${name}`);
  }

  push(token: string): void {
    this.current?.tokens.push(token);
  }
}

/** The engine's replies, from its event stream. */
export function engineReplies(events: readonly RunEvent[]): Reply[] {
  const replies = new Replies();
  for (const event of events) {
    switch (event.type) {
      case 'agent_started':
        replies.start(event.agent);
        break;
      case 'message':
        if (event.text) replies.text();
        break;
      case 'tool_call':
        replies.call(event.callId, event.name);
        break;
      case 'tool_result':
        replies.ofCall('result', event.callId, event.name);
        break;
      case 'approval_requested':
        replies.ofCall('approval', event.callId, event.name);
        break;
      case 'handoff':
        replies.push(`handoff ${event.to}`);
        break;
      case 'input_requested':
        replies.push('input');
        break;
      default:
        break;
    }
  }
  return replies.all;
}

/** Agent Framework's replies, from the driver's report. */
export function afReplies(events: readonly DriverEvent[]): Reply[] {
  const replies = new Replies();
  for (const event of events) {
    switch (event.t) {
      case 'model':
        replies.start(event.agent);
        break;
      case 'text':
        replies.text();
        break;
      case 'call':
        replies.call(event.callId, event.name);
        break;
      case 'result':
        replies.ofCall('result', event.callId, event.name);
        break;
      case 'approval':
        replies.ofCall('approval', event.callId, event.name);
        break;
      case 'handoff':
        replies.push(`handoff ${event.to}`);
        break;
      case 'input':
        replies.push('input');
        break;
      default:
        break;
    }
  }
  return replies.all;
}

/** The documented rule, for the header of the run. */
export const ORDER_RULE =
  "AF streams a reply's calls before their results; the engine announces each call just before its result: the engine's calls are moved first, then the orders must be equal";

const isCall = (token: string) => token.startsWith('call#');
const isResult = (token: string) => token.startsWith('result#');
const number = (token: string) => token.slice(token.indexOf('#') + 1, token.indexOf(' '));

/**
 * Where the engine's reply breaks its documented order (docs/spec/events.md#order), or undefined:
 * text first; without approvals each call directly followed by its result; with approvals every
 * call, then the approval requests, then the results in call order; the handoff or input request
 * after all of them.
 */
export function engineOrderProblem(tokens: readonly string[]): string | undefined {
  const gated = tokens.some((t) => t.startsWith('approval#'));
  const textAt = tokens.indexOf('text');
  if (textAt > 0) return `text after ${tokens[textAt - 1]}`;
  const lastCallish = tokens.findLastIndex((t) => t.includes('#'));
  const firstAfter = tokens.findIndex((t) => t.startsWith('handoff ') || t === 'input');
  if (firstAfter !== -1 && firstAfter < lastCallish) {
    return `${tokens[firstAfter]} before ${tokens[lastCallish]}`;
  }
  if (gated) {
    const isApproval = (t: string) => t.startsWith('approval#');
    const lastCall = tokens.findLastIndex(isCall);
    const firstResult = tokens.findIndex(isResult);
    if (lastCall > tokens.findIndex(isApproval)) return `${tokens[lastCall]} after a request`;
    if (firstResult !== -1 && firstResult < tokens.findLastIndex(isApproval)) {
      return `${tokens[firstResult]} before a request`;
    }
    const results = tokens.filter(isResult).map(number);
    const calls = tokens.filter(isCall).map(number);
    if (results.some((n, i) => n !== calls[i])) return `results not in call order`;
    return undefined;
  }
  for (const [i, token] of tokens.entries()) {
    if (!isCall(token)) continue;
    const next = tokens[i + 1];
    if (next === undefined || !isResult(next) || number(next) !== number(token)) {
      return `${token} followed by ${next ?? '(nothing)'}, not by its result`;
    }
  }
  return undefined;
}

/**
 * The engine's reply in Agent Framework's order: every call of the reply moved before the first
 * result (AF streams them with the model's response); nothing else moves.
 */
export function asAgentFramework(tokens: readonly string[]): string[] {
  const firstResult = tokens.findIndex(isResult);
  if (firstResult === -1) return [...tokens];
  const before = tokens.slice(0, firstResult);
  const after = tokens.slice(firstResult);
  return [...before, ...after.filter(isCall), ...after.filter((t) => !isCall(t))];
}

/**
 * The first reply whose order differs (after the side's documented rule; Agent Framework's by
 * default), or undefined.
 */
export function replyOrderDifference(
  engine: readonly Reply[],
  af: readonly Reply[],
  side: { label: string; order(tokens: readonly string[]): string[] } = {
    label: 'AF',
    order: asAgentFramework,
  },
): string | undefined {
  for (let i = 0; i < Math.max(engine.length, af.length); i++) {
    const e = engine[i];
    const a = af[i];
    const where = `reply ${i + 1}`;
    if (!e || !a) return `${where}: only ${e ? 'the engine' : side.label} made it`;
    const problem = engineOrderProblem(e.tokens);
    if (problem) return `${where} (${e.agent}): the engine's order breaks events.md: ${problem}`;
    const expected = side.order(e.tokens).join(', ');
    const got = a.tokens.join(', ');
    if (e.agent !== a.agent || expected !== got) {
      return `${where}: engine ${e.agent} [${e.tokens.join(', ')}] (in ${side.label}'s order [${expected}]) / ${side.label} ${a.agent} [${got}]`;
    }
  }
  return undefined;
}

/** One line per reply, for the verbose report. */
export const renderReply = (reply: Reply) => `${reply.agent}: ${reply.tokens.join(', ')}`;
