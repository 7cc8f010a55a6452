/**
 * When and how long the OpenAI provider waits. The SDK's own retries are switched off: it obeys
 * `retry-after` without a cap (a 429 with `Retry-After: 3600` waited an hour in silence) and its
 * sleep does not listen to Stop. Here every wait is capped, announced (`ModelRequest.onWait`)
 * and ends at once when the run is stopped; a stream that stops sending is cut by a first-byte
 * and an idle timeout.
 */
import { APIConnectionError, APIError } from 'openai';
import { HandoffStudioError } from '../engine/errors';
import type { ProviderWait } from '../engine/provider';
import { abortError } from './openaiErrors';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The longest wait this provider accepts; a server asking for more fails the call at once. */
  maxWaitMs: number;
}

/** Why a failed attempt may be tried again, or undefined when it may not. */
export function retryReason(error: unknown): ProviderWait['reason'] | undefined {
  if (error instanceof APIConnectionError) return 'connection';
  if (!(error instanceof APIError) || typeof error.status !== 'number') return undefined;
  if (error.status === 429) return 'rate_limited';
  if (error.status === 408 || error.status === 409 || error.status >= 500) return 'server_error';
  return undefined;
}

/** What the server asked for (`retry-after-ms`, `retry-after` in seconds or as a date), in ms. */
export function requestedWaitMs(error: unknown, now = Date.now()): number | undefined {
  const headers = error instanceof APIError ? error.headers : undefined;
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers.get('retry-after');
  if (after === null) return undefined;
  const seconds = Number.parseFloat(after);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** The SDK's default back-off: 0.5 s, 1 s, 2 s … up to 8 s. */
export const backoffMs = (attempt: number): number => Math.min(500 * 2 ** (attempt - 1), 8000);

/**
 * How long to wait before attempt `attempt + 1`, or a `HandoffStudioError` when the server asks
 * for longer than the policy accepts.
 */
export function waitBeforeRetry(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  host: string,
): number | HandoffStudioError {
  const asked = requestedWaitMs(error);
  if (asked !== undefined && asked > policy.maxWaitMs) {
    const rateLimited = retryReason(error) === 'rate_limited';
    return new HandoffStudioError(
      rateLimited ? 'provider_rate_limited' : 'provider_error',
      `${host} asks to wait ${Math.ceil(asked / 1000)} s before trying again, longer than the ` +
        `${Math.round(policy.maxWaitMs / 1000)} s this run waits. The run is saved: resume it later.`,
      { cause: error },
    );
  }
  return asked ?? backoffMs(attempt);
}

/** Sleeps `ms`, or rejects with an abort error as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A watchdog over a streamed reply: `arm(ms)` (re)starts the countdown; when it runs out the
 * controller aborts with a `provider_timeout` error that says what was waited for.
 */
export class StallWatch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  fired: HandoffStudioError | undefined;

  constructor(private readonly controller: AbortController) {}

  arm(ms: number, what: string): void {
    this.clear();
    if (!Number.isFinite(ms) || ms <= 0) return;
    this.timer = setTimeout(() => {
      this.fired = new HandoffStudioError(
        'provider_timeout',
        `${what} for ${formatSeconds(ms)}; the call was given up. The run is saved: resume it to try again.`,
      );
      this.controller.abort();
    }, ms);
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

const formatSeconds = (ms: number): string =>
  ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
