/**
 * The script provider: replays a script (docs/spec/run-file.md#scripts). Stateless: the reply of a
 * call is looked up by the request's agent and `callIndex`, so a resumed run continues each agent's
 * script where the run left it. Text is streamed as word-sized deltas, like the simulator's.
 */
import { HandoffStudioError } from '../engine/errors';
import { own } from '../model/own';
import type { ModelProvider, ModelReply, ModelRequest } from '../engine/provider';
import { defaultCallId, parseScript, type Script, type ScriptReply } from '../engine/script';

export { parseScript, parseScriptText, runToScript, type Script } from '../engine/script';

export interface ScriptProviderOptions {
  /** Pause between streamed deltas, in milliseconds (for a watchable replay); 0 by default. */
  delayMs?: number;
}

/**
 * A provider that replays `script` (checked with `parseScript` first).
 * @throws HandoffStudioError `invalid_script` when the script does not match the format.
 */
export function createScriptProvider(
  script: unknown,
  options: ScriptProviderOptions = {},
): ModelProvider {
  const checked: Script = parseScript(script);
  return {
    id: 'script',
    async complete(request: ModelRequest): Promise<ModelReply> {
      const replies = own(checked, request.agent) ?? [];
      const entry = replies[request.callIndex];
      if (!entry) throw scriptExhausted(request.agent, request.callIndex, replies.length);
      return replay(entry, request, options.delayMs ?? 0);
    },
  };
}

function scriptExhausted(agent: string, callIndex: number, held: number): HandoffStudioError {
  const holds =
    held === 0
      ? `the script has no replies for "${agent}"`
      : `the script holds ${held} repl${held === 1 ? 'y' : 'ies'} for "${agent}"`;
  return new HandoffStudioError(
    'script_exhausted',
    `Script exhausted: "${agent}" was called for the ${ordinal(callIndex + 1)} time, but ${holds}.`,
  );
}

/** Streams a reply's text and returns the reply (shared with the simulator). */
export async function replay(
  entry: ScriptReply,
  request: ModelRequest,
  delayMs: number,
): Promise<ModelReply> {
  const text = entry.text ?? '';
  await streamText(text, request, delayMs);
  const toolCalls = (entry.toolCalls ?? []).map((call, i) => ({
    id: call.id ?? defaultCallId(request.agent, request.callIndex, i),
    name: call.name,
    arguments:
      typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
  }));
  return { text, toolCalls, ...(entry.usage ? { usage: entry.usage } : {}) };
}

/** Sends `text` to `request.onTextDelta` in word-sized pieces, stopping when the signal aborts. */
export async function streamText(
  text: string,
  request: ModelRequest,
  delayMs: number,
): Promise<void> {
  for (const delta of splitIntoDeltas(text)) {
    throwIfAborted(request.signal);
    request.onTextDelta(delta);
    // Yield between deltas so that a Stop issued while streaming takes effect mid-reply.
    await (delayMs > 0 ? sleep(delayMs, request.signal) : Promise.resolve());
  }
  throwIfAborted(request.signal);
}

/** Splits text into deltas of one word each, with its surrounding whitespace. */
export function splitIntoDeltas(text: string): string[] {
  if (text === '') return [];
  const words = text.match(/\s*\S+\s*/g);
  return words ?? [text];
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) {
    const error = new Error('aborted');
    error.name = 'AbortError';
    throw error;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
