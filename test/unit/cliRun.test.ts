import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine';
import { runCli, spawnCli } from '../support/cli';
import { reply, startOpenAIServer, toolCalls, type OpenAIServer } from '../support/openaiServer';

const dir = mkdtempSync(join(tmpdir(), 'hs-run-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};
const events = (stdout: string): RunEvent[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RunEvent);
const shape = (list: RunEvent[]) => list.filter((e) => e.type !== 'text_delta').map((e) => e.type);
const SUPPORT = 'public/examples/customer_support.json';

describe('cli run', () => {
  it('prints one JSON event per line with seq 1, 2, 3 … and exits 0 when paused', async () => {
    const result = await runCli(['run', SUPPORT, '--input', 'Where is my order 42?']);
    expect(result.code).toBe(0);
    const list = events(result.stdout);
    expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 1));
    expect(list[0]).toMatchObject({ type: 'run_started' });
    expect(list[1]).toEqual({ seq: 2, type: 'user_message', text: 'Where is my order 42?' });
    expect(list).toContainEqual(
      expect.objectContaining({ type: 'handoff', from: 'triage_agent', to: 'order_agent' }),
    );
    expect(list.at(-1)!.type === 'checkpoint_saved' ? list.at(-2) : list.at(-1)).toMatchObject({
      type: 'input_requested',
    });
    expect(result.stderr).toMatch(/is paused, waiting for 1 answer/);
  });

  it('runs every example on the simulator', async () => {
    for (const example of [
      'customer_support',
      'ecommerce_returns',
      'content_pipeline',
      'homework_tutors',
    ]) {
      const result = await runCli([
        'run',
        `public/examples/${example}.json`,
        '--input',
        'Hello, I need help with my homework about algebra',
        '--input',
        '',
        '--decision',
        'approve',
      ]);
      expect(result.code, `${example}: ${result.stderr}`).toBe(0);
      const last = events(result.stdout).at(-1)!;
      expect(['completed', 'checkpoint_saved', 'input_requested', 'approval_requested']).toContain(
        last.type,
      );
    }
  });

  it('answers inputs and decisions in order, and reports leftovers on stderr', async () => {
    const result = await runCli([
      'run',
      SUPPORT,
      '--input',
      'I want a refund for order 123',
      '--decision',
      'approve',
      '--input',
      'thanks, goodbye',
      '--input',
      'one more',
      '--decision',
      'reject',
    ]);
    expect(result.code).toBe(0);
    const list = events(result.stdout);
    expect(list).toContainEqual(
      expect.objectContaining({ type: 'approval_resolved', approved: true }),
    );
    expect(list).toContainEqual(
      expect.objectContaining({ type: 'tool_result', result: 'Refund processed for order 123.' }),
    );
    expect(list.at(-1)).toMatchObject({ type: 'completed', reason: 'termination_condition' });
    expect(result.stderr).toContain('1 --input value(s) left over and ignored.');
    expect(result.stderr).toContain('1 --decision value(s) left over and ignored.');
  });

  it("ends the run on an empty --input (the user's End)", async () => {
    const result = await runCli(['run', SUPPORT, '--input', 'hello there', '--input', '']);
    const list = events(result.stdout);
    expect(list.at(-1)).toMatchObject({ type: 'completed', reason: 'user_terminated' });
  });

  it('replays a script, and fails with exit 1 when the script runs out', async () => {
    const script = file('script.json', {
      triage_agent: [
        { text: 'Routing you.', toolCalls: [{ name: 'handoff_to_refund_agent', arguments: {} }] },
      ],
      refund_agent: [{ text: 'Your refund is on its way.' }],
    });
    const ok = await runCli(['run', SUPPORT, '--script', script, '--input', 'refund please']);
    expect(ok.code).toBe(0);
    expect(events(ok.stdout)).toContainEqual(
      expect.objectContaining({
        type: 'message',
        agent: 'refund_agent',
        text: 'Your refund is on its way.',
      }),
    );
    const short = await runCli([
      'run',
      SUPPORT,
      '--script',
      script,
      '--input',
      'refund please',
      '--input',
      'and again',
    ]);
    expect(short.code).toBe(1);
    const list = events(short.stdout);
    expect(list.slice(-2).map((e) => e.type)).toEqual(['agent_started', 'failed']);
    expect(list.at(-1)).toMatchObject({ type: 'failed', error: { code: 'script_exhausted' } });
    expect(short.stderr).toMatch(/failed \(script_exhausted\)/);
  });

  it('exits 2 with every problem on stderr for a document that cannot run, printing no events', async () => {
    const path = file('bad.json', {
      format: 'handoff-workflow',
      version: 1,
      name: 'x',
      startAgent: 'ghost',
      agents: [{ name: 'a' }],
      handoffs: [{ source: 'a', target: 'a' }],
    });
    const result = await runCli(['run', path, '--input', 'hi']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'startAgent: Start agent "ghost" is not an agent of this workflow.',
    );
    expect(result.stderr).toContain('handoffs[0]: "a" cannot hand off to itself.');
  });

  it('exits 2 on bad arguments', async () => {
    expect((await runCli(['run', SUPPORT])).stderr).toContain('run needs --input TEXT');
    expect((await runCli(['run', SUPPORT, '--input', '  '])).code).toBe(2);
    expect(
      (await runCli(['run', SUPPORT, '--input', 'x', '--decision', 'maybe'])).stderr,
    ).toContain('--decision maybe');
    expect((await runCli(['run', SUPPORT, '--input', 'x', '--provider', 'llama'])).code).toBe(2);
    expect(
      (await runCli(['run', SUPPORT, '--input', 'x', '--script', join(dir, 'none.json')])).code,
    ).toBe(2);
    expect((await runCli(['resume', 'run-x'])).stderr).toContain('resume needs --store DIR');
  });
});

describe('cli resume', () => {
  it('two gated calls answered one --decision per invocation: both answers are applied, seq never repeats', async () => {
    const store = mkdtempSync(join(tmpdir(), 'hs-store-'));
    const script = file('two-gated.json', {
      triage_agent: [
        { text: 'Routing you.', toolCalls: [{ name: 'handoff_to_refund_agent', arguments: {} }] },
      ],
      refund_agent: [
        {
          toolCalls: [
            { name: 'process_refund', arguments: { order_number: '7' } },
            { name: 'process_refund', arguments: { order_number: '8' } },
          ],
        },
        { text: 'Both refunds are done.' },
      ],
    });
    const run = (args: string[]) => runCli([...args, '--store', store, '--script', script]);
    const first = await run(['run', SUPPORT, '--input', 'refund 7 and 8', '--decision', 'approve']);
    expect(first.code).toBe(0);
    const [runId] = readdirSync(store);
    // a bare resume (no answers) pauses again at once: its events must not reuse numbers either
    const idle = await run(['resume', runId!]);
    const second = await run(['resume', runId!, '--decision', 'approve', '--input', '']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).not.toMatch(/left over/);
    const all = [first, idle, second].flatMap((r) => events(r.stdout));
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    const resolved = all.filter((e) => e.type === 'approval_resolved');
    expect(resolved.map((e) => e.requestId)).toEqual(['req-1', 'req-2']);
    expect(all.filter((e) => e.type === 'tool_result' && e.name === 'process_refund')).toHaveLength(
      2,
    );
    expect(all.at(-1)).toMatchObject({ type: 'completed', reason: 'user_terminated' });
  });

  it('continues a paused run from its store: same request ids, seq goes on', async () => {
    const store = mkdtempSync(join(tmpdir(), 'hs-store-'));
    const first = await runCli([
      'run',
      SUPPORT,
      '--input',
      'I want a refund for order 7',
      '--store',
      store,
    ]);
    expect(first.code).toBe(0);
    const before = events(first.stdout);
    const request = before.find((e) => e.type === 'approval_requested')!;
    const [runId] = readdirSync(store);
    expect(before[0]).toMatchObject({ type: 'run_started', runId });
    const second = await runCli([
      'resume',
      runId!,
      '--store',
      store,
      '--decision',
      'approve',
      '--input',
      'goodbye',
    ]);
    expect(second.code).toBe(0);
    const after = events(second.stdout);
    expect(after[0]).toMatchObject({ type: 'run_resumed', runId, seq: before.at(-1)!.seq + 1 });
    expect(after[1]).toEqual({ ...request, seq: after[0]!.seq + 1 });
    expect(shape(after)).toEqual([
      'run_resumed',
      'approval_requested',
      'approval_resolved',
      'tool_result',
      'checkpoint_saved',
      'agent_started',
      'usage',
      'message',
      'input_requested',
      'checkpoint_saved',
      'user_message',
      'completed',
    ]);
    const again = await runCli(['resume', runId!, '--store', store]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/Cannot resume run/);
    expect((await runCli(['resume', 'run-nope', '--store', store])).stderr).toContain(
      'No run "run-nope"',
    );
  });
});

describe('cli run --provider openai', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer({
      script: [
        toolCalls([{ name: 'handoff_to_order_agent', arguments: '{"reason":"status"}' }]),
        reply('It ships tomorrow.'),
      ],
    });
  });
  afterAll(() => server.close());

  it('streams from an OpenAI-compatible server given by --base-url', async () => {
    const result = await runCli([
      'run',
      SUPPORT,
      '--provider',
      'openai',
      '--base-url',
      server.baseURL,
      '--model',
      'gpt-test',
      '--input',
      'where is it?',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const list = events(result.stdout);
    expect(list).toContainEqual(
      expect.objectContaining({
        type: 'handoff',
        from: 'triage_agent',
        to: 'order_agent',
        reason: 'status',
      }),
    );
    expect(
      list.filter((e) => e.type === 'text_delta' && e.agent === 'order_agent').length,
    ).toBeGreaterThan(1);
    expect(list).toContainEqual(
      expect.objectContaining({
        type: 'message',
        agent: 'order_agent',
        text: 'It ships tomorrow.',
      }),
    );
    expect(server.chatBodies()[0]).toMatchObject({ model: 'gpt-test', stream: true });
  });
});

describe('cli run through npm', () => {
  it('keeps stdout to events only', () => {
    const result = spawnCli(['run', SUPPORT, '--input', 'hello']);
    expect(result.code).toBe(0);
    for (const line of result.stdout.trim().split('\n'))
      expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe('cli script', () => {
  it('turns a stored run into a script that replays it to the same events', async () => {
    const store = mkdtempSync(join(tmpdir(), 'hs-script-'));
    const inputs = [
      '--input',
      'I want a refund for order 9',
      '--decision',
      'approve',
      '--input',
      'goodbye',
    ];
    const live = await runCli(['run', SUPPORT, '--store', store, ...inputs]);
    const [runId] = readdirSync(store);
    const script = await runCli(['script', runId!, '--store', store]);
    expect(script.code).toBe(0);
    const path = join(dir, 'replay.json');
    writeFileSync(path, script.stdout);
    const replay = await runCli(['run', SUPPORT, '--script', path, ...inputs]);
    // A replay measures its own call durations.
    const strip = (list: RunEvent[]) =>
      list.map((e) =>
        e.type === 'run_started'
          ? { ...e, runId: 'x' }
          : e.type === 'usage'
            ? { ...e, durationMs: 0 }
            : e,
      );
    expect(strip(events(replay.stdout))).toEqual(strip(events(live.stdout)));
    expect((await runCli(['script', 'run-none', '--store', store])).code).toBe(2);
  });
});
