/**
 * The "openai" model provider: Chat Completions through the `openai` SDK, streamed. One
 * configuration serves OpenAI, Azure OpenAI and any OpenAI-compatible base URL (Ollama,
 * LM Studio, vLLM). It runs in the browser too, where the key stays in the user's browser.
 */
import { AzureOpenAI, OpenAI } from 'openai';
import { HandoffStudioError } from '../engine/errors';
import type { ModelProvider, ModelReply, ModelRequest } from '../engine/provider';
import { estimateUsage } from './estimate';
import { abortError, toProviderError } from './openaiErrors';
import { retryReason, sleep, StallWatch, waitBeforeRetry } from './openaiRetry';
import type { ErrorContext } from './openaiErrors';
import {
  ReplyAccumulator,
  toChatCompletionMessages,
  toChatCompletionTools,
} from './openaiMessages';

/** Azure OpenAI settings; their presence selects the SDK's `AzureOpenAI` client. */
export interface AzureConfig {
  /** e.g. `https://my-resource.openai.azure.com`; or give `baseURL` (…/openai) instead. */
  endpoint?: string;
  /** The `api-version` query parameter, e.g. `2024-10-21`. */
  apiVersion: string;
  /** The deployment to call; without it the model name is used as the deployment name. */
  deployment?: string;
}

export interface OpenAIProviderConfig {
  /** Sent as `Authorization: Bearer` (Azure: `api-key`). May be empty for local servers. */
  apiKey: string;
  /** Default `https://api.openai.com/v1`; e.g. `http://localhost:11434/v1` for Ollama. */
  baseURL?: string;
  /** Used when the agent names no model (default {@link DEFAULT_OPENAI_MODEL}). */
  model?: string;
  azure?: AzureConfig;
  /** Retries of 429, 5xx and connection failures, honouring `retry-after` (default 2). */
  maxRetries?: number;
  /** How long to wait for the response headers, per attempt (default 300 000 ms). */
  timeoutMs?: number;
  /** How long to wait for the first streamed chunk of an attempt (default 60 000 ms). */
  firstByteTimeoutMs?: number;
  /** How long a started stream may stay silent (default 60 000 ms). */
  idleTimeoutMs?: number;
  /** The longest `retry-after` obeyed; a server asking for more fails the call (default 60 000 ms). */
  maxRetryWaitMs?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

/** The model used when neither the agent nor the configuration names one. */
export const DEFAULT_OPENAI_MODEL = 'gpt-5.4-mini';
const DEFAULT_TIMEOUT_MS = 300_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_STREAM_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;
/** Local servers ignore the key, but the SDK refuses to start without one. */
const PLACEHOLDER_KEY = 'no-key';

/** Creates the SDK client for a configuration. Throws a `HandoffStudioError` if it is unusable. */
export function createOpenAIClient(config: OpenAIProviderConfig): OpenAI {
  const common = {
    apiKey: config.apiKey || PLACEHOLDER_KEY,
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // The app calls the API from the browser on purpose: keys never leave the user's browser.
    dangerouslyAllowBrowser: true,
    // The SDK logs a malformed stream event raw on the console (and, at debug level, requests);
    // the failure reaches the caller as a provider error instead (openaiErrors.ts).
    logLevel: 'off' as const,
    ...(config.fetch ? { fetch: config.fetch } : {}),
  };
  try {
    if (config.azure) {
      const { endpoint, apiVersion, deployment } = config.azure;
      if (!endpoint && !config.baseURL) {
        throw new HandoffStudioError(
          'provider_error',
          'Azure OpenAI needs an endpoint (https://<resource>.openai.azure.com) or a base URL.',
        );
      }
      return new AzureOpenAI({
        ...common,
        apiVersion,
        ...(config.baseURL ? { baseURL: config.baseURL } : { endpoint }),
        ...(deployment ? { deployment } : {}),
      });
    }
    return new OpenAI({ ...common, baseURL: config.baseURL || 'https://api.openai.com/v1' });
  } catch (error) {
    if (error instanceof HandoffStudioError) throw error;
    throw new HandoffStudioError(
      'provider_error',
      `The OpenAI provider settings are not usable: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/**
 * Creates the "openai" provider. The SDK client is made on first use and reused. Retries are
 * this provider's (`openaiRetry.ts`): capped, announced through `onWait`, stopped by Stop.
 */
export function createOpenAIProvider(config: OpenAIProviderConfig): ModelProvider {
  let client: OpenAI | undefined;
  const policy = {
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    maxWaitMs: config.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS,
  };
  const firstByteMs = config.firstByteTimeoutMs ?? DEFAULT_STREAM_TIMEOUT_MS;
  const idleMs = config.idleTimeoutMs ?? DEFAULT_STREAM_TIMEOUT_MS;
  return {
    id: 'openai',
    async complete(request: ModelRequest): Promise<ModelReply> {
      if (request.signal.aborted) throw abortError();
      const model = request.model ?? config.model ?? DEFAULT_OPENAI_MODEL;
      const context = errorContext(config, model);
      const maxAttempts = policy.maxRetries + 1;
      for (let attempt = 1; ; attempt++) {
        client ??= createOpenAIClient({ ...config, maxRetries: 0 });
        context.host = hostOf(client.baseURL);
        context.streaming = false;
        const outcome = await attemptCall(client, request, model, context, firstByteMs, idleMs);
        if (outcome.ok) return outcome.reply;
        const { error } = outcome;
        const reason = context.streaming ? undefined : retryReason(error);
        if (request.signal.aborted || reason === undefined || attempt >= maxAttempts) {
          throw outcome.mapped;
        }
        const wait = waitBeforeRetry(error, attempt, policy, context.host);
        if (wait instanceof HandoffStudioError) throw wait;
        request.onWait?.({
          reason,
          attempt,
          maxAttempts,
          waitMs: Math.round(wait),
          message:
            `${WAIT_WHY[reason]} (${context.host}); trying again in ` +
            `${formatWait(wait)} (attempt ${attempt + 1} of ${maxAttempts}).`,
        });
        await sleep(wait, request.signal);
      }
    },
  };
}

const WAIT_WHY = {
  rate_limited: 'Rate limited',
  server_error: 'The server failed',
  connection: 'The connection failed',
} as const;

const formatWait = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;

type Attempt = { ok: true; reply: ModelReply } | { ok: false; error: unknown; mapped: Error };

/** One attempt of a streamed call, watched for a silent server. */
async function attemptCall(
  client: OpenAI,
  request: ModelRequest,
  model: string,
  context: ErrorContext,
  firstByteMs: number,
  idleMs: number,
): Promise<Attempt> {
  // The SDK leaves a listener on the signal it is given; a run's signal lives for hundreds of
  // calls, so each attempt gets its own signal, linked to the run's and unlinked when done.
  const link = new AbortController();
  const { signal } = link;
  const forward = () => link.abort();
  request.signal.addEventListener('abort', forward, { once: true });
  const watch = new StallWatch(link);
  // Errors thrown by the engine's own callback are not the provider's failures.
  let callbackError: unknown;
  const onText = (delta: string) => {
    try {
      request.onTextDelta(delta);
    } catch (error) {
      callbackError = error;
      throw error;
    }
  };
  const run = async (): Promise<ModelReply> => {
    const tools = toChatCompletionTools(request.tools);
    watch.arm(firstByteMs, `${context.host} sent nothing`);
    const { data: stream, response } = await client.chat.completions
      .create(
        {
          model,
          messages: toChatCompletionMessages(request.messages),
          stream: true,
          stream_options: { include_usage: true },
          ...(tools.length ? { tools } : {}),
          ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
        },
        { signal },
      )
      .withResponse();
    context.streaming = true;
    const reply = new ReplyAccumulator(onText);
    let chunks = 0;
    for await (const chunk of stream) {
      watch.arm(idleMs, `The stream from ${context.host} stopped sending`);
      reply.add(chunk);
      chunks++;
    }
    watch.clear();
    // The SDK ends the stream quietly when the signal aborts it.
    if (signal.aborted) throw abortError();
    const type = response.headers.get('content-type') ?? '';
    if (chunks === 0 && /\bjson\b/i.test(type)) {
      // The SDK reads the body as server-sent events: a JSON body yields none.
      throw new HandoffStudioError(
        'provider_error',
        `${context.host} answered with one JSON reply (${type.split(';')[0]!.trim()}) instead ` +
          'of a stream; Handoff Studio asks for a streamed reply. Check that the server supports ' +
          'streaming (stream: true) for Chat Completions.',
      );
    }
    if (!reply.finishReason) {
      throw new HandoffStudioError(
        'provider_stream_dropped',
        `The stream from ${context.host} ended before the reply was finished. Try again.`,
      );
    }
    const out = reply.reply();
    // A compatible server may report no usage; an estimate still shows the call's time.
    return out.usage ? out : { ...out, usage: estimateUsage(request, out) };
  };
  try {
    return { ok: true, reply: await untilAborted(run(), signal) };
  } catch (error) {
    if (callbackError !== undefined && error === callbackError) throw error;
    const mapped =
      watch.fired && !request.signal.aborted
        ? watch.fired
        : toProviderError(error, context, request.signal.aborted ? signal : undefined);
    return { ok: false, error: watch.fired ?? error, mapped };
  } finally {
    watch.clear();
    request.signal.removeEventListener('abort', forward);
  }
}

/** The outcome of {@link listModels}. */
export type ModelListResult =
  | { ok: true; models: string[] }
  /** `unsupported`: the server has no model list (404/405), or it is Azure (see below). */
  | { ok: false; unsupported: boolean; message: string };

/** Why Azure gets no list: said wherever the list would be. */
export const AZURE_MODELS_NOTE =
  'Azure OpenAI lists its deployments only through the Azure management API (Azure Resource ' +
  'Manager, with an Azure AD token), not with the resource key: type the deployment name.';

/**
 * The model ids the endpoint serves (`GET /v1/models` through `client.models.list()`), sorted.
 * Azure OpenAI's data plane lists base models, not the deployments a request names, so Azure
 * gets `unsupported` with {@link AZURE_MODELS_NOTE}. Fails fast like {@link testConnection}.
 */
export async function listModels(
  config: OpenAIProviderConfig,
  signal?: AbortSignal,
): Promise<ModelListResult> {
  if (config.azure) return { ok: false, unsupported: true, message: AZURE_MODELS_NOTE };
  const quick = { maxRetries: 1, timeoutMs: 15_000, ...config };
  const context = errorContext(quick, config.model ?? DEFAULT_OPENAI_MODEL);
  try {
    const client = createOpenAIClient(quick);
    context.host = hostOf(client.baseURL);
    const ids: string[] = [];
    // The SDK pages through longer lists (OpenAI sends one page today).
    for await (const model of client.models.list({ signal })) ids.push(model.id);
    return { ok: true, models: [...new Set(ids)].sort() };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 404 || status === 405) {
      return {
        ok: false,
        unsupported: true,
        message: `${context.host} does not list its models: type the model name.`,
      };
    }
    return {
      ok: false,
      unsupported: false,
      message: toProviderError(error, context, signal).message,
    };
  }
}

/** The outcome of {@link testConnection}. */
export type ConnectionTestResult = { ok: true; models?: string[] } | { ok: false; message: string };

/**
 * Checks a configuration for the app's "Test connection" button: lists the models (OpenAI and
 * compatible servers), or, for Azure or a server without a model list, makes one tiny request.
 * Fails fast: one retry and a 15 s timeout unless the configuration says otherwise.
 */
export async function testConnection(
  config: OpenAIProviderConfig,
  signal?: AbortSignal,
): Promise<ConnectionTestResult> {
  const quick = { maxRetries: 1, timeoutMs: 15_000, ...config };
  const model = config.azure?.deployment ?? config.model ?? DEFAULT_OPENAI_MODEL;
  const context = errorContext(quick, model);
  try {
    const client = createOpenAIClient(quick);
    context.host = hostOf(client.baseURL);
    if (!config.azure) {
      try {
        const page = await client.models.list({ signal });
        return { ok: true, models: page.data.map((m) => m.id).sort() };
      } catch (error) {
        const status = (error as { status?: unknown }).status;
        if (status !== 404 && status !== 405) throw error;
      }
    }
    await client.chat.completions.create(
      { model, messages: [{ role: 'user', content: 'Reply with OK.' }] },
      { signal },
    );
    return { ok: true };
  } catch (error) {
    return { ok: false, message: toProviderError(error, context, signal).message };
  }
}

function errorContext(config: OpenAIProviderConfig, model: string): ErrorContext {
  return {
    host: hostOf(config.baseURL ?? config.azure?.endpoint ?? 'https://api.openai.com/v1'),
    model,
    apiKey: config.apiKey,
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    streaming: false,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Settles with `promise`, or rejects with an abort error as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // A retry's back-off sleep ignores the signal; Stop must not wait for it.
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
