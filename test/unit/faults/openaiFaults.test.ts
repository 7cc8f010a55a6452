/**
 * Keep it held (issue 13): a run through the CLI's own functions (startRun / resumeRun, the
 * openai provider, the file store) against a fault-injecting OpenAI-compatible server. Every
 * fault ends the invocation with `failed` and a stable code — never a hang, a long silent wait,
 * or raw output on the console — leaves no key anywhere, and leaves a store that resumes: once
 * the server answers again, the run completes with `seq` 1, 2, 3 … over both invocations.
 *
 * The provider-level details of each fault (retry announcements, Stop during a wait, timeouts'
 * wording) are in test/unit/openaiProviderErrors.test.ts and openaiProviderWaits.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resumeRun, startRun, type RunEvent } from '../../../src/engine';
import { createOpenAIProvider } from '../../../src/providers/openai';
import { FileCheckpointStore } from '../../../src/storage/fileStore';
import { makeDoc } from '../../support/engineHarness';
import { modelRequest, providerOn, TEST_KEY } from '../../support/openaiProviderHarness';
import {
  rateLimited,
  reply,
  serverError,
  toolCalls,
  unauthorized,
  type OpenAIServer,
  type ScriptedResponse,
} from '../../support/openaiServer';

const DOC = makeDoc({
  agents: ['front', 'back'],
  handoffs: [['front', 'back']],
  termination: { keywords: ['all done'] },
});
const HANDOFF = toolCalls([{ name: 'handoff_to_back', arguments: '{"reason":"over to you"}' }]);

const CASES: Array<{ fault: string; answers: ScriptedResponse[]; code: string }> = [
  {
    fault: '429 with Retry-After: 1 hour',
    answers: [rateLimited(3_600_000)],
    code: 'provider_rate_limited',
  },
  {
    fault: '500 on every attempt',
    answers: [serverError(5), serverError(5), serverError(5)],
    code: 'provider_error',
  },
  {
    fault: '401',
    answers: [unauthorized(`Incorrect API key provided: ${TEST_KEY}.`)],
    code: 'provider_auth',
  },
  {
    fault: 'a stream dropped mid-reply',
    answers: [reply('one two three four', { dropAfterChunks: 2 })],
    code: 'provider_stream_dropped',
  },
  {
    fault: 'a stream that stops sending',
    answers: [reply('one two three four', { stallAfterChunks: 2 })],
    code: 'provider_timeout',
  },
  {
    fault: 'a server that never answers',
    answers: [{ type: 'hang' }],
    code: 'provider_timeout',
  },
  {
    fault: 'a malformed SSE event',
    answers: [reply('one two', { malformedAfterChunks: 1 })],
    code: 'provider_error',
  },
  {
    fault: 'a plain JSON reply to a streamed request',
    answers: [reply('whole', { notStreamed: true })],
    code: 'provider_error',
  },
];

const console_ = ['error', 'warn', 'info', 'log', 'debug'] as const;
const printed: string[] = [];
let server: OpenAIServer | undefined;
beforeAll(() => {
  // Installed before any SDK client exists (the SDK binds its logger on first use).
  for (const level of console_) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    });
  }
});
afterAll(() => vi.restoreAllMocks());
afterEach(async () => {
  await server?.close();
  server = undefined;
  printed.length = 0;
});

/** Every file under `dir`, read as text. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'utf8'));
}

describe('fault-injecting server: every fault fails cleanly and the run resumes', () => {
  for (const { fault, answers, code } of CASES) {
    it(`${fault} → failed ${code}`, async () => {
      // Short timeouts only where the fault is a silence: elsewhere a slow, loaded machine
      // must not turn the fault under test into a timeout.
      const silence = code === 'provider_timeout' ? 200 : 30_000;
      const setup = await providerOn([HANDOFF, ...answers], {
        firstByteTimeoutMs: silence,
        idleTimeoutMs: silence,
      });
      server = setup.server;
      const dir = mkdtempSync(join(tmpdir(), 'hs-faults-'));
      const store = new FileCheckpointStore(dir);
      const first = startRun({
        document: DOC,
        provider: createOpenAIProvider(setup.config),
        input: 'Hello',
        store,
      });
      const outcome = await first.done;
      const failed = first.history.at(-1)!;
      expect(failed).toMatchObject({ type: 'failed', error: { code } });
      expect(outcome.status).toBe('failed');
      expect(printed, 'nothing printed on the console').toEqual([]);

      server.enqueue(reply('Here you are. All done.'));
      const second = await resumeRun({
        runId: first.runId,
        document: DOC,
        provider: createOpenAIProvider(setup.config),
        store,
      });
      await second.done;
      expect(second.history.at(-1)).toMatchObject({
        type: 'completed',
        reason: 'termination_condition',
      });
      store.close();
      const logged = await new FileCheckpointStore(dir).getEvents(first.runId);
      expect(logged.map((e: RunEvent) => e.seq)).toEqual(logged.map((_, i) => i + 1));
      for (const text of filesOf(dir)) expect(text).not.toContain(TEST_KEY);
      expect(JSON.stringify(logged)).not.toContain('RAW-');
    });
  }
});

describe('a malformed SSE event, at the provider', () => {
  it('is a provider_error that says what was wrong; the raw chunk is neither printed nor quoted whole', async () => {
    const raw = `{"choices": [RAW-CHUNK${'x'.repeat(10_000)}`;
    const setup = await providerOn([reply('one two', { malformedAfterChunks: 1, malformed: raw })]);
    server = setup.server;
    const { request, deltas } = modelRequest();
    const error = await createOpenAIProvider(setup.config)
      .complete(request)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'provider_error', fault: 'provider' });
    expect((error as Error).message).toMatch(/not valid Chat Completions data/);
    expect((error as Error).message.length).toBeLessThan(400);
    expect(deltas.join('')).not.toContain('RAW');
    expect(printed).toEqual([]);
    expect(server.chatBodies()).toHaveLength(1);
  });
});
