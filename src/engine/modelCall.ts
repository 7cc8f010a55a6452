/**
 * One model call through the provider port, made safe for the loop: Stop wins even over a
 * provider that ignores its signal, text deltas are accepted only while the call is open, the
 * reply is normalised, and any provider failure becomes a `HandoffStudioError` with a
 * provider (or `script_exhausted`) code. A reply longer than `MAX_REPLY_CHARS` (its text and
 * tool-call arguments together) is cut off as it streams: the provider's call is aborted and the
 * run fails with `reply_too_large`, so a runaway model costs neither memory nor store.
 */
import { HandoffStudioError, isAbortError } from './errors';
import type { ModelProvider, ModelReply, ModelRequest } from './provider';

/** The longest reply the engine takes, in characters of text and tool-call arguments together. */
export const MAX_REPLY_CHARS = 1_000_000;

export async function callModel(
  provider: ModelProvider,
  request: ModelRequest,
  maxChars: number = MAX_REPLY_CHARS,
): Promise<ModelReply> {
  const { signal } = request;
  const call = new AbortController();
  let open = true;
  let streamed = 0;
  let tooLarge: HandoffStudioError | undefined;
  const refuse = () => {
    tooLarge ??= replyTooLarge(request.agent, maxChars);
    call.abort();
  };
  const guarded: ModelRequest = {
    ...request,
    signal: call.signal,
    onTextDelta: (delta) => {
      if (!open || call.signal.aborted || delta === '') return;
      streamed += delta.length;
      if (streamed > maxChars) refuse();
      else request.onTextDelta(delta);
    },
  };
  let removeListener = () => {};
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(tooLarge ?? abortError());
    if (signal.aborted) call.abort();
    if (call.signal.aborted) onAbort();
    const onOuterAbort = () => call.abort();
    signal.addEventListener('abort', onOuterAbort, { once: true });
    call.signal.addEventListener('abort', onAbort, { once: true });
    removeListener = () => {
      signal.removeEventListener('abort', onOuterAbort);
      call.signal.removeEventListener('abort', onAbort);
    };
  });
  // Only the race below observes this rejection; keep it from counting as unhandled.
  aborted.catch(() => {});
  try {
    const reply = normaliseReply(await Promise.race([provider.complete(guarded), aborted]));
    if (replyLength(reply) > maxChars) throw replyTooLarge(request.agent, maxChars);
    return reply;
  } catch (error) {
    if (tooLarge && !signal.aborted) throw tooLarge;
    if (signal.aborted || isAbortError(error)) throw abortError();
    if (error instanceof HandoffStudioError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new HandoffStudioError(
      'provider_error',
      `Provider "${provider.id}" failed on "${request.agent}": ${message}`,
      { cause: error },
    );
  } finally {
    open = false;
    removeListener();
  }
}

function replyLength(reply: ModelReply): number {
  return reply.toolCalls.reduce((n, call) => n + call.arguments.length, reply.text.length);
}

function replyTooLarge(agent: string, maxChars: number): HandoffStudioError {
  return new HandoffStudioError(
    'reply_too_large',
    `The reply of "${agent}" was longer than ${maxChars.toLocaleString('en-US')} characters ` +
      '(text and tool arguments); the call was cut off and nothing of it was kept.',
  );
}

function normaliseReply(reply: ModelReply): ModelReply {
  const toolCalls = Array.isArray(reply.toolCalls) ? reply.toolCalls : [];
  return {
    text: typeof reply.text === 'string' ? reply.text : '',
    toolCalls: toolCalls.map((call) => ({
      id: typeof call.id === 'string' ? call.id : '',
      name: String(call.name),
      arguments:
        typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
    })),
    ...(reply.usage ? { usage: reply.usage } : {}),
  };
}

function abortError(): Error {
  const error = new Error('aborted');
  error.name = 'AbortError';
  return error;
}
