import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli';
import { DEFAULT_SCHEMA_URL } from '../../src/model';

const dir = mkdtempSync(join(tmpdir(), 'hs-cli-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const base = { format: 'handoff-workflow', version: 1, name: 'x', startAgent: 'a' };

describe('cli validate', () => {
  it('exits 0 for every example and prints a summary', async () => {
    for (const example of [
      'customer_support',
      'ecommerce_returns',
      'content_pipeline',
      'homework_tutors',
    ]) {
      const result = await runCli(['validate', `public/examples/${example}.json`]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/: 0 errors, 0 warnings, \d+ infos?\n$/);
    }
  });

  it('prints every problem and exits 1 on errors', async () => {
    const path = file('broken.json', {
      ...base,
      agents: [
        { name: 'a', instructions: 'x' },
        { name: 'b c', instructions: 'y' },
      ],
      handoffs: [
        { source: 'a', target: 'ghost' },
        { source: 'a', target: 'a' },
      ],
    });
    const result = await runCli(['validate', path]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      expect.stringMatching(/^error +invalid_agent_name +agents\[1\]\.name: Agent name "b c"/),
      expect.stringMatching(/^error +unknown_edge_target +handoffs\[0\]\.target: /),
      expect.stringMatching(/^error +self_handoff +handoffs\[1\]: /),
    ]);
    expect(lines.at(-1)).toBe(`${path}: 3 errors, 2 warnings, 2 infos`);
  });

  it('exits 2 with every parse problem when the file is not a valid document', async () => {
    const path = file('shape.json', { ...base, agents: [{ name: 1 }], extra: true });
    const result = await runCli(['validate', path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('agents[0].name: must be text, not a number.');
    expect(result.stdout).toContain('extra: unknown field "extra"');
  });

  it('exits 2 for unreadable input, with a clear message', async () => {
    const notJson = await runCli(['validate', file('bad.json', '{ "format": ')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stdout).toMatch(/This is not valid JSON/);
    const missing = await runCli(['validate', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/nope\.json does not exist\./);
    const directory = await runCli(['validate', dir]);
    expect(directory.stdout).toMatch(/is not a file/);
  });

  it('has a machine-readable --json form', async () => {
    const result = await runCli(['validate', 'public/examples/homework_tutors.json', '--json']);
    const parsed = JSON.parse(result.stdout) as { readable: boolean; issues: unknown[] };
    expect(parsed).toEqual({
      file: 'public/examples/homework_tutors.json',
      readable: true,
      issues: [],
    });
  });

  it('exits 2 on bad arguments', async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['validate'])).stderr).toContain('A WORKFLOW.json file is needed.');
    expect((await runCli(['validate', 'a', 'b'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).stderr).toContain('Unknown command "frobnicate".');
    expect((await runCli(['validate', 'x.json', '--bogus'])).code).toBe(2);
  });

  it('works through npm exactly as documented, with nothing else on stdout', () => {
    const result = spawnCli(['validate', 'public/examples/customer_support.json', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ readable: true });
  });
});

describe('cli export', () => {
  it('prints each export of an example on stdout', async () => {
    const file = 'public/examples/customer_support.json';
    const json = await runCli(['export', file, '--to', 'json']);
    expect(json.code).toBe(0);
    // The canonical form, with the schema named by an absolute URL (a file leaves the app).
    expect(json.stdout).toBe(
      readFileSync(file, 'utf8').replace('"../schema/workflow.v1.json"', `"${DEFAULT_SCHEMA_URL}"`),
    );
    const elsewhere = await runCli([
      'export',
      file,
      '--to',
      'json',
      '--schema-url',
      'https://studio.example/schema/workflow.v1.json',
    ]);
    expect(JSON.parse(elsewhere.stdout).$schema).toBe(
      'https://studio.example/schema/workflow.v1.json',
    );
    const mermaid = await runCli(['export', file, '--to', 'mermaid']);
    expect(mermaid.stdout).toMatch(/^flowchart LR\n/);
    const python = await runCli(['export', file, '--to', 'python']);
    expect(python.stdout).toContain('def build_workflow(');
    expect(python.stdout).toBe(readFileSync('test/fixtures/golden/customer_support.py', 'utf8'));
    const dotnet = await runCli(['export', file, '--to', 'dotnet']);
    expect(dotnet.stdout).toContain('AgentWorkflowBuilder.CreateHandoffBuilderWith(');
  });

  it('refuses code export of a document with errors (exit 1), but exports its JSON', async () => {
    const path = file('errors.json', {
      ...base,
      agents: [{ name: 'a' }],
      handoffs: [{ source: 'a', target: 'ghost' }],
    });
    const python = await runCli(['export', path, '--to', 'python']);
    expect(python.code).toBe(1);
    expect(python.stdout).toBe('');
    expect(python.stderr).toContain('handoffs[0].target: This handoff goes to "ghost"');
    expect((await runCli(['export', path, '--to', 'json'])).code).toBe(0);
  });

  it('exits 2 for a missing or unknown --to and for unreadable files', async () => {
    expect((await runCli(['export', 'public/examples/customer_support.json'])).stderr).toContain(
      'export needs --to json|mermaid|python|dotnet|agents-ts|agents-py.',
    );
    expect(
      (await runCli(['export', 'public/examples/customer_support.json', '--to', 'yaml'])).code,
    ).toBe(2);
    expect((await runCli(['export', file('bad2.json', '[1,'), '--to', 'json'])).code).toBe(2);
  });
});
