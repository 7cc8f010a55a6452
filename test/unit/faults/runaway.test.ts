/**
 * Keep it held (issue 13): a model that never stops. Through the CLI against a local
 * OpenAI-compatible server: a model whose every reply is a tool call (valid, or with arguments
 * that are not JSON) ends with `model_call_limit` after exactly the document's bound, naming the
 * agent; a reply larger than the engine takes is cut off while it streams (`reply_too_large`),
 * and neither the events nor the store keep more of it than the cap.
 */
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REPLY_CHARS } from '../../../src/engine/modelCall';
import { runCli } from '../../support/cli';
import {
  reply,
  startOpenAIServer,
  toolCalls,
  type OpenAIServer,
  type ScriptHandler,
} from '../../support/openaiServer';

const DOC = {
  format: 'handoff-workflow',
  version: 1,
  name: 'runaway',
  startAgent: 'lookup',
  agents: [
    {
      name: 'lookup',
      description: 'Looks things up.',
      instructions: 'Search until you know.',
      tools: ['search'],
    },
  ],
  tools: [{ name: 'search', description: 'Searches.', result: 'nothing found' }],
  termination: { maxModelCallsPerTurn: 12 },
};

let server: OpenAIServer | undefined;
afterEach(() => server?.close());

function docFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'runaway-'));
  const path = join(dir, 'runaway.json');
  writeFileSync(path, JSON.stringify(DOC));
  return path;
}

async function runOn(handler: ScriptHandler, store?: string) {
  server = await startOpenAIServer({ handler });
  const args = ['run', docFile(), '--provider', 'openai', '--base-url', server.baseURL];
  args.push('--model', 'gpt-test', '--input', 'find it');
  return runCli(store ? [...args, '--store', store] : args);
}

function events(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function bytesUnder(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((n, entry) => n + statSync(join(entry.parentPath, entry.name)).size, 0);
}

describe('a model that never stops', () => {
  it.each([
    ['an ordinary tool call', '{"q":"order 5"}'],
    ['a call whose arguments are not JSON', '{"q": order'],
  ])(
    'every reply %s: model_call_limit after exactly the bound, naming the agent',
    async (_, args) => {
      let n = 0;
      const result = await runOn(() =>
        toolCalls([{ id: `c${++n}`, name: 'search', arguments: args }]),
      );
      expect(result.code).toBe(1);
      expect(server!.chatBodies()).toHaveLength(12);
      const last = events(result.stdout).at(-1)!;
      expect(last).toMatchObject({
        type: 'failed',
        error: { code: 'model_call_limit', agent: 'lookup', limit: 12 },
      });
      expect(result.stderr).toContain('failed (model_call_limit)');
      expect(result.stderr).toContain('"lookup"');
    },
  );

  it('a streamed reply over the cap is cut off: reply_too_large, at most the cap kept', async () => {
    const store = mkdtempSync(join(tmpdir(), 'runaway-store-'));
    const huge = 'x'.repeat(3 * MAX_REPLY_CHARS);
    const result = await runOn(() => reply(huge, { textChunkSize: 64 * 1024 }), store);
    expect(result.code).toBe(1);
    const list = events(result.stdout);
    expect(list.at(-1)).toMatchObject({ type: 'failed', error: { code: 'reply_too_large' } });
    const streamed = list
      .filter((e) => e.type === 'text_delta')
      .reduce((n, e) => n + String(e.delta).length, 0);
    expect(streamed).toBeGreaterThan(0);
    expect(streamed).toBeLessThanOrEqual(MAX_REPLY_CHARS);
    expect(list.some((e) => e.type === 'message')).toBe(false);
    expect(bytesUnder(store)).toBeLessThan(1.5 * MAX_REPLY_CHARS);
  });

  it('tool-call arguments over the cap: reply_too_large, the call never runs', async () => {
    const args = JSON.stringify({ q: 'y'.repeat(2 * MAX_REPLY_CHARS) });
    const result = await runOn(() =>
      toolCalls([{ name: 'search', arguments: args }], { argumentsChunkSize: 64 * 1024 }),
    );
    expect(result.code).toBe(1);
    const list = events(result.stdout);
    expect(list.at(-1)).toMatchObject({ type: 'failed', error: { code: 'reply_too_large' } });
    expect(list.some((e) => e.type === 'tool_call' || e.type === 'tool_result')).toBe(false);
  });
});
