/**
 * An exported agents-py program run as a program (`python module.py`, its terminal driver) on the
 * real OpenAI Agents SDK in `.venv-agents` (created from requirements-agents.txt when missing),
 * against the conformance server with scripted replies: the customer-support example, the refund
 * approved at the y/n prompt, ended by the keyword "goodbye".
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkflow } from '../../src/model';
import { exportWorkflow } from '../../src/model/export';
import { AGENTS_VENV, ensureVenvLocked } from '../../conformance/venv';
import { EXAMPLES } from '../../conformance/scenarios/examples';
import { startConformanceServer, type ConformanceServer } from '../../conformance/server';

const ROOT = resolve(import.meta.dirname, '../..');
let python = '';
let server: ConformanceServer;
let dir = '';

beforeAll(async () => {
  python = await ensureVenvLocked(ROOT, () => undefined, AGENTS_VENV);
  server = await startConformanceServer();
  dir = mkdtempSync(join(tmpdir(), 'hs-agents-py-run-'));
}, 300_000);
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function runProgram(module: string, baseURL: string, stdin: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(python, [module], {
      env: {
        ...process.env,
        OPENAI_BASE_URL: baseURL,
        OPENAI_API_KEY: 'test',
        OPENAI_MODEL: 'gpt-test',
        PYTHONDONTWRITEBYTECODE: '1',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('an exported agents-py program on the real SDK', () => {
  it('customer support: handoff, approval at the prompt, ended by the keyword', async () => {
    const scenario = EXAMPLES.find((s) => s.name.startsWith('example customer_support'))!;
    const module = join(dir, 'customer_support.py');
    writeFileSync(module, exportWorkflow(scenario.doc, 'agents-py'));
    const instructions = Object.fromEntries(
      scenario.doc.agents.map((a) => [a.name, a.instructions]),
    );
    const baseURL = server.open('program', instructions, scenario.script);
    const stdin = `${scenario.opening}\ny\nThanks, goodbye!\n`;
    const { code, stdout, stderr } = await runProgram(module, baseURL, stdin);

    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('[handoff triage_agent -> refund_agent]');
    expect(stdout).toContain('Approve process_refund({"order_number": "123"})? [y/n]');
    expect(stdout).toContain(
      '[refund_agent called process_refund: Refund processed for order 123.]',
    );
    expect(stdout).toContain('refund_agent: Your refund for order 123 is on its way.');
    expect(stdout).toContain('[workflow finished: termination_condition]');

    const session = server.session('program');
    expect(session.problems).toEqual([]);
    expect(session.log).toEqual(['triage_agent', 'refund_agent', 'refund_agent']);
    const [triage, refund] = session.bodies;
    const handoffTool = triage!.tools!.map(
      (t) => t.function as { name: string; description: string },
    );
    expect(handoffTool).toContainEqual(
      expect.objectContaining({
        name: 'handoff_to_refund_agent',
        description: scenario.doc.handoffs.find((h) => h.target === 'refund_agent')!.description,
      }),
    );
    // The refund agent sees the triage agent's text, never its handoff call (private to it).
    expect(refund!.model).toBe('gpt-test');
    expect(refund!.messages!.map((m) => [m.role, m.content ?? null, 'tool_calls' in m])).toEqual([
      ['system', instructions.refund_agent, false],
      ['user', scenario.opening, false],
      ['assistant', 'Let me pass you to our refunds team.', false],
    ]);
  }, 120_000);

  it("agents named like the module's own names build, each with its handoffs", () => {
    const names = ['agents', 'source', 'target', 'name', 'client', 'model', 'Agent', 'Runner'];
    const parsed = parseWorkflow({
      format: 'handoff-workflow',
      version: 1,
      name: 'names',
      startAgent: 'agents',
      agents: names.map((name) => ({ name, tools: name === 'agents' ? ['Conversation'] : [] })),
      // A star: the handoffs are set after the agents dict exists, on the agents' own names.
      handoffs: names.slice(1).flatMap((name) => [
        { source: 'agents', target: name },
        { source: name, target: 'agents' },
      ]),
      tools: [{ name: 'Conversation', result: 'ok' }],
      defaults: { model: 'gpt-test' },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const module = join(dir, 'names.py');
    writeFileSync(module, exportWorkflow(parsed.doc, 'agents-py'));
    const probe = [
      'import importlib.util, json, sys',
      `spec = importlib.util.spec_from_file_location("names", ${JSON.stringify(module)})`,
      'm = importlib.util.module_from_spec(spec); sys.modules["names"] = m; spec.loader.exec_module(m)',
      'start, agents = m.build_agents()',
      'print(json.dumps({"start": start.name, "handoffs": {n: [h.tool_name for h in a.handoffs] for n, a in agents.items()},',
      '  "tools": [t.name for t in agents["agents"].tools], "conversation": m.Conversation.__name__}))',
    ].join('\n');
    const run = spawnSync(python, ['-c', probe], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const found = JSON.parse(run.stdout) as {
      start: string;
      handoffs: Record<string, string[]>;
      tools: string[];
      conversation: string;
    };
    expect(found.start).toBe('agents');
    expect(found.tools).toEqual(['Conversation']);
    expect(found.conversation).toBe('Conversation');
    expect(found.handoffs.agents).toEqual(names.slice(1).map((n) => `handoff_to_${n}`));
    for (const name of names.slice(1)) expect(found.handoffs[name]).toEqual(['handoff_to_agents']);
  });
});
