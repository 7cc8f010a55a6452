/**
 * One model call through the provider port, made safe for the loop: Stop wins even over a
 * provider that ignores its signal, text deltas are accepted only while the call is open, the
 * reply is normalised, and any provider failure becomes a `HandoffStudioError` with a
 * provider (or `script_exhausted`) code.
 */
import { HandoffStudioError, isAbortError } from './errors';
import type { ModelProvider, ModelReply, ModelRequest } from './provider';

export async function callModel(
  provider: ModelProvider,
  request: ModelRequest,
): Promise<ModelReply> {
  const { signal } = request;
  let open = true;
  const guarded: ModelRequest = {
    ...request,
    onTextDelta: (delta) => {
      if (open && !signal.aborted && delta !== '') request.onTextDelta(delta);
    },
  };
  let removeListener = () => {};
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(abortError());
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    removeListener = () => signal.removeEventListener('abort', onAbort);
  });
  // Only the race below observes this rejection; keep it from counting as unhandled.
  aborted.catch(() => {});
  try {
    const reply = await Promise.race([provider.complete(guarded), aborted]);
    return normaliseReply(reply);
  } catch (error) {
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
