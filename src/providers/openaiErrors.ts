/**
 * Maps whatever the `openai` SDK or `fetch` throws to a `HandoffStudioError` with a stable code
 * and a message that says what happened and what to do. Messages never contain the API key.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  OpenAIError,
} from 'openai';
import { HandoffStudioError, isAbortError } from '../engine/errors';

/** What the error messages need to know about the call that failed. */
export interface ErrorContext {
  /** Host (and port) of the base URL, e.g. `api.openai.com`. */
  host: string;
  model: string;
  /** Redacted from every message. */
  apiKey: string;
  maxRetries: number;
  timeoutMs: number;
  /** True once the response started streaming: a transport failure then is a dropped stream. */
  streaming: boolean;
}

/** The error a model call rejects with when the user stops it (`isAbortError` is true for it). */
export function abortError(): Error {
  const error = new Error('The model call was stopped.');
  error.name = 'AbortError';
  return error;
}

/** Removes the key, and anything shaped like an OpenAI key, from text shown to the user. */
export function redact(text: string, apiKey: string): string {
  let out = apiKey.length >= 4 ? text.split(apiKey).join('***') : text;
  out = out.replace(/\b(sk-[A-Za-z0-9_*-]{4,})/g, 'sk-***');
  return out;
}

/** The failure as a `HandoffStudioError`; an abort stays an abort error. */
export function toProviderError(
  error: unknown,
  context: ErrorContext,
  signal?: AbortSignal,
): Error {
  if (signal?.aborted || error instanceof APIUserAbortError || isAbortError(error)) {
    return abortError();
  }
  if (error instanceof HandoffStudioError) return error;
  const [code, message] = describe(error, context);
  return new HandoffStudioError(code, redact(message, context.apiKey), { cause: error });
}

type Described = [HandoffStudioError['code'], string];

function describe(error: unknown, ctx: ErrorContext): Described {
  const { host } = ctx;
  const retried =
    ctx.maxRetries > 0
      ? ` after ${ctx.maxRetries} ${ctx.maxRetries === 1 ? 'retry' : 'retries'}`
      : '';
  if (error instanceof APIConnectionTimeoutError) {
    return [
      'provider_unreachable',
      `${host} did not answer within ${ctx.timeoutMs / 1000} s${retried}. Check that the ` +
        'server is running and reachable, or try again later.',
    ];
  }
  if (error instanceof APIError && error.status === undefined) {
    if (error instanceof APIConnectionError) return unreachable(host, error.cause);
    // An `error` object sent inside the event stream.
    return ['provider_error', `${host} reported an error during the reply: ${error.message}`];
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    return describeStatus(error, ctx, retried);
  }
  if (ctx.streaming && !(error instanceof SyntaxError)) {
    return [
      'provider_stream_dropped',
      `The connection to ${host} dropped in the middle of the reply (${messageChain(error)}). ` +
        'Try again.',
    ];
  }
  if (error instanceof SyntaxError) {
    return [
      'provider_error',
      `${host} sent a reply that is not valid Chat Completions data (${error.message}). ` +
        'Check that the base URL points to an OpenAI-compatible API.',
    ];
  }
  if (error instanceof TypeError) return unreachable(host, error);
  if (error instanceof OpenAIError) {
    return ['provider_error', `The OpenAI client could not call ${host}: ${error.message}`];
  }
  return ['provider_error', `Unexpected error while calling ${host}: ${messageChain(error)}`];
}

function describeStatus(error: APIError, ctx: ErrorContext, retried: string): Described {
  const { host, model } = ctx;
  const status = error.status as number;
  const said = serverMessage(error);
  if (status === 401) {
    return [
      'provider_auth',
      `The API key was refused by ${host} (HTTP 401). Check the key in the provider settings.`,
    ];
  }
  if (status === 403) {
    return [
      'provider_auth',
      `The API key was refused by ${host} (HTTP 403: not allowed${said ? `: ${said}` : ''}). ` +
        'Check that the key may use this model and endpoint.',
    ];
  }
  if (status === 404) {
    const aboutModel =
      error.code === 'model_not_found' ||
      error.code === 'DeploymentNotFound' ||
      /model|deployment/i.test(said);
    return aboutModel
      ? [
          'provider_not_found',
          `Model "${model}" not found at ${host}. Check the model name (for Azure, the ` +
            'deployment name) and that the key may use it.',
        ]
      : [
          'provider_not_found',
          `${host} answered 404 Not Found${said ? ` (${said})` : ''}. Check the base URL: ` +
            'OpenAI-compatible servers usually expect it to end in /v1.',
        ];
  }
  if (status === 429) {
    const quota = error.code === 'insufficient_quota';
    return [
      'provider_rate_limited',
      quota
        ? `${host} refused the request: the account's quota is used up (HTTP 429). Check the ` +
          'plan and billing details.'
        : `${host} is rate-limiting requests (HTTP 429) and still refused${retried}. Wait a ` +
          `minute and try again, or use a higher rate limit.${said ? ` Server said: ${said}` : ''}`,
    ];
  }
  if (status >= 500) {
    return [
      'provider_error',
      `${host} had a server error (HTTP ${status})${retried}${said ? `: ${said}` : ''}. ` +
        'Try again later.',
    ];
  }
  return [
    'provider_error',
    `${host} rejected the request (HTTP ${status})${said ? `: ${said}` : ''}.`,
  ];
}

function unreachable(host: string, cause: unknown): Described {
  const why = causeCode(cause);
  return [
    'provider_unreachable',
    `Could not reach ${host}${why ? ` (${why})` : ''}. Check the base URL and that the server ` +
      'is running; from the browser, the server must also allow cross-origin requests (CORS).',
  ];
}

/** The server's own `error.message`, if it sent one. */
function serverMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message.trim().replace(/\.$/, '') : '';
}

/** The deepest system error code (ECONNREFUSED, ENOTFOUND…) or message in a cause chain. */
function causeCode(error: unknown): string {
  let current: unknown = error;
  let found = '';
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    const isErrno = typeof code === 'string' && /^E[A-Z]+$/.test(code);
    found = isErrno ? code : current.message || found;
    current = current.cause;
  }
  return found;
}

/** `outer: inner: innermost`, e.g. `terminated: other side closed`. */
function messageChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current.message && !parts.includes(current.message)) parts.push(current.message);
    current = current.cause;
  }
  return parts.join(': ') || String(error);
}
