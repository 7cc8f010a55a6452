/**
 * The `agents-ts` target: registered in the CLI (the golden file on stdout, a document with errors
 * refused) and in exportWorkflow, with the handoff tools named and described as for the Agent
 * Framework export (plan.ts) and the document's settings carried into the module.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkflowText, type Workflow } from '../../src/model';
import { EXPORT_TARGETS, exportWorkflow, planExport } from '../../src/model/export';
import { runCli } from '../support/cli';
import { makeDoc } from '../support/engineHarness';

const EXAMPLE = 'public/examples/customer_support.json';

function load(path: string): Workflow {
  const result = parseWorkflowText(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

describe('export --to agents-ts', () => {
  it('prints the golden module for an example', async () => {
    const out = await runCli(['export', EXAMPLE, '--to', 'agents-ts']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      readFileSync('test/fixtures/golden/customer_support.agents.ts', 'utf8'),
    );
    expect(EXPORT_TARGETS).toContain('agents-ts');
  });

  it('refuses a document with errors (exit 1)', async () => {
    const broken = { ...load(EXAMPLE), startAgent: 'ghost' };
    const path = join(mkdtempSync(join(tmpdir(), 'hs-agents-ts-')), 'broken.json');
    writeFileSync(path, JSON.stringify(broken));
    const out = await runCli(['export', path, '--to', 'agents-ts']);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
  });
});

describe('the module', () => {
  it('names every handoff tool as plan.ts does and describes it by the edge', () => {
    const doc = load('public/examples/homework_tutors.json');
    const code = exportWorkflow(doc, 'agents-ts');
    for (const edge of planExport(doc).edges) {
      expect(code).toContain(
        `handoffTo(${JSON.stringify(edge.source)}, ${edge.target}, ${JSON.stringify(edge.description)})`,
      );
    }
    expect(code).toContain("toolNameOverride: 'handoff_to_' + target.name");
  });

  it('carries model, temperature, approvals, turn limits and termination', () => {
    const doc = makeDoc({
      name: 'w',
      agents: [{ name: 'a', tools: ['t'], model: 'm-a' }, 'b'],
      handoffs: [['a', 'b']],
      tools: [
        {
          name: 't',
          parameters: { type: 'object', properties: {} },
          approval: 'always_require',
          result: 'done {{x}}',
        },
      ],
      interaction: { mode: 'autonomous', autonomousAgents: ['b'], turnLimits: { b: 3 } },
      termination: { maxMessages: 7, keywords: ['bye'], endOnTerminalAgent: true },
      defaults: { model: 'm-default', temperature: 0.3 },
    });
    const code = exportWorkflow(doc, 'agents-ts');
    expect(code).toContain('model: options.model ?? "m-a",');
    expect(code).toContain('model: options.model ?? "m-default",');
    expect(code).toContain('modelSettings: { temperature: 0.3 },');
    expect(code).toContain('needsApproval: true,');
    expect(code).toContain('result: "done {{x}}",');
    expect(code).toContain('const TURN_LIMITS = new Map<string, number>([\n  ["b", 3],\n]);');
    expect(code).toContain('  maxMessages: 7,');
    expect(code).toContain('  endOnTerminalAgent: true,');
    expect(code).toContain('const TERMINAL_AGENTS = new Set<string>([\n  "b"\n]);');
    expect(code).toContain('const MAX_HANDOFFS_PER_TURN = 100;');
  });

  it('builds the implied mesh at run time instead of writing n×(n−1) handoffs', () => {
    const doc = makeDoc({ name: 'mesh', agents: ['a', 'b', 'c'] });
    const code = exportWorkflow(doc, 'agents-ts');
    expect(code).toContain('meshHandoffs([a, b, c], new Map([');
    expect(code).not.toContain('.handoffs = [');
  });
});
