/**
 * What the agents see (docs/spec/run-semantics.md#the-shared-transcript), compared call by call
 * from the request bodies the server received: the messages (role, author name, text, tool calls
 * and results), the tools offered, the model and the temperature. Tool call ids are not compared
 * (the server numbers them across both sides). Three differences are known and documented; they are
 * the only ones allowed, and the header of the run lists them (INPUT_RULES).
 */
import type { ChatRequestBody } from '../test/support/openaiServer';
import { canonical } from './trace';

/** The documented differences in model input that every comparison allows, for the header. */
export const INPUT_RULES = [
  "AF offers an agent's handoff tools in no fixed order (it keeps them in a set): tools are compared as a set",
  'AF\'s handoff tools take no arguments; the engine\'s take an optional "reason": handoff tool parameters are not compared',
  'AF writes the handoff result as {"handoff_to": "x"} (a space), the engine as {"handoff_to":"x"}: compared as JSON',
  'AF also sends parallel_tool_calls: false and tool_choice "auto"; only messages, tools, model and temperature are compared',
];

export type Message = Record<string, unknown> & { role: string; content?: unknown };

function messageLine(m: Message): string {
  const parts = [m.role];
  if (typeof m.name === 'string') parts.push(`(${m.name})`);
  const content = typeof m.content === 'string' && m.content !== '' ? m.content : undefined;
  if (content !== undefined)
    parts.push(JSON.stringify(m.role === 'tool' ? asJson(content) : content));
  const calls = Array.isArray(m.tool_calls) ? (m.tool_calls as ToolCall[]) : [];
  for (const call of calls) {
    parts.push(`calls ${call.function.name}(${canonical(asJson(call.function.arguments))})`);
  }
  return parts.join(' ');
}

interface ToolCall {
  function: { name: string; arguments: string };
}

/** A tool message's JSON content compared as its value, so that spacing does not count. */
function asJson(text: string): unknown {
  try {
    return canonical(JSON.parse(text));
  } catch {
    return text;
  }
}

function toolsOf(body: ChatRequestBody): string[] {
  return (body.tools ?? [])
    .map((t) => {
      const fn = t.function as { name: string; description?: string; parameters?: unknown };
      const parameters = fn.name.startsWith('handoff_to_') ? '(handoff)' : canonical(fn.parameters);
      return `${fn.name}: ${JSON.stringify(fn.description ?? '')} ${parameters}`;
    })
    .sort();
}

/**
 * A reply's text and its tool calls as one assistant message: the Agents SDK sends them as two
 * consecutive ones (the text, then `content: null` with the calls), the engine as one.
 */
export function joinTextAndCalls(messages: readonly Message[]): Message[] {
  const out: Message[] = [];
  for (const m of messages) {
    const last = out[out.length - 1];
    if (
      m.role === 'assistant' &&
      (m.content === null || m.content === undefined) &&
      Array.isArray(m.tool_calls) &&
      last?.role === 'assistant' &&
      last.name === undefined &&
      last.tool_calls === undefined
    ) {
      out[out.length - 1] = { ...last, tool_calls: m.tool_calls };
    } else out.push(m);
  }
  return out;
}

/**
 * The first difference in what the model was given, or undefined. Calls are paired in order; the
 * side is named `label` in the report; `sideMessages` applies a side's documented rule to its
 * messages first.
 */
export function modelInputDifference(
  engine: readonly ChatRequestBody[],
  af: readonly ChatRequestBody[],
  label = 'AF',
  sideMessages: (messages: readonly Message[]) => readonly Message[] = (m) => m,
): string | undefined {
  if (engine.length !== af.length) {
    return `engine made ${engine.length} model calls, ${label} ${af.length}`;
  }
  for (const [i, e] of engine.entries()) {
    const a = af[i]!;
    const where = `model call ${i + 1}`;
    const em = (e.messages ?? []).map(messageLine);
    const am = sideMessages(a.messages ?? []).map(messageLine);
    for (let k = 0; k < Math.max(em.length, am.length); k++) {
      if (em[k] !== am[k]) {
        return `${where}, message ${k + 1}: engine ${em[k] ?? '(none)'} / ${label} ${am[k] ?? '(none)'}`;
      }
    }
    const et = toolsOf(e);
    const at = toolsOf(a);
    if (canonical(et) !== canonical(at)) {
      return `${where}, tools: engine [${et.join('; ')}] / ${label} [${at.join('; ')}]`;
    }
    if (e.model !== a.model) return `${where}, model: engine ${e.model} / ${label} ${a.model}`;
    if (e.temperature !== a.temperature) {
      return `${where}, temperature: engine ${String(e.temperature)} / ${label} ${String(a.temperature)}`;
    }
  }
  return undefined;
}
