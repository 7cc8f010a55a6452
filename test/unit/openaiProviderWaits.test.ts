/**
 * The openai provider never waits in silence or forever (real `openai` SDK, local test server):
 * retries are announced and capped, Stop ends a wait at once, and a server that sends nothing,
 * or stops mid-stream, is given up after the first-byte or idle timeout with a resumable error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HandoffStudioError, isAbortError } from '../../src/engine/errors';
import { createOpenAIProvider, type OpenAIProviderConfig } from '../../src/providers/openai';
import { modelRequest, providerOn } from '../support/openaiProviderHarness';
import { rateLimited, reply, serverError } from '../support/openaiServer';
import type { OpenAIServer, ScriptedResponse } from '../support/openaiServer';

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(responses: ScriptedResponse[], config: Partial<OpenAIProviderConfig> = {}) {
  const on = await providerOn(responses, config);
  server = on.server;
  return createOpenAIProvider(on.config);
}

function request(signal = new AbortController().signal) {
  const { request: req, waits } = modelRequest({ signal });
  return { req, waits };
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );

describe('openai provider waits', () => {
  it('announces each retry (why, attempt, wait) and then succeeds', async () => {
    const provider = await setup([rateLimited(30), serverError(20), reply('Finally.')]);
    const { req, waits } = request();
    const out = await provider.complete(req);
    expect(out.text).toBe('Finally.');
    expect(waits.map((w) => [w.reason, w.attempt, w.maxAttempts, w.waitMs])).toEqual([
      ['rate_limited', 1, 3, 30],
      ['server_error', 2, 3, 20],
    ]);
    expect(waits[0]!.message).toMatch(/Rate limited .*trying again in 30 ms \(attempt 2 of 3\)/);
  });

  it('a Retry-After beyond the cap fails at once with provider_rate_limited, saying how long', async () => {
    const provider = await setup([rateLimited(3_600_000)], { maxRetryWaitMs: 60_000 });
    const { req, waits } = request();
    const started = Date.now();
    const error = await rejection(provider.complete(req));
    expect(error).toBeInstanceOf(HandoffStudioError);
    expect(error).toMatchObject({ code: 'provider_rate_limited' });
    expect((error as Error).message).toMatch(/asks to wait 3600 s.*longer than the 60 s/);
    expect(waits).toEqual([]);
    // It did not sleep: one request only.
    expect(server!.chatBodies()).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('Stop during a wait ends the call at once with an abort', async () => {
    const provider = await setup([rateLimited(50_000), reply('never')], {
      maxRetryWaitMs: 60_000,
    });
    const stop = new AbortController();
    const { req, waits } = request(stop.signal);
    const pending = rejection(provider.complete(req));
    await expect.poll(() => waits.length).toBe(1);
    stop.abort();
    expect(isAbortError(await pending)).toBe(true);
    expect(server!.chatBodies()).toHaveLength(1);
  });

  it('a server that never answers is given up after the first-byte timeout', async () => {
    const provider = await setup([{ type: 'hang' }], { firstByteTimeoutMs: 300, maxRetries: 0 });
    const error = await rejection(provider.complete(request().req));
    expect(error).toMatchObject({ code: 'provider_timeout' });
    expect((error as Error).message).toMatch(/sent nothing for 300 ms.*resume/);
  });

  it('a stream that stops sending is given up after the idle timeout', async () => {
    const provider = await setup([reply('one two three four five', { stallAfterChunks: 2 })], {
      idleTimeoutMs: 300,
    });
    const error = await rejection(provider.complete(request().req));
    expect(error).toMatchObject({ code: 'provider_timeout' });
    expect((error as Error).message).toMatch(/stopped sending for 300 ms/);
    // Text had streamed: the call is not repeated (it would stream the same words twice).
    expect(server!.chatBodies()).toHaveLength(1);
  });
});
