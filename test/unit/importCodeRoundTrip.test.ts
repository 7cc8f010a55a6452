/**
 * Every example exported to every code target and imported back gives the same topology,
 * descriptions and settings. A new code target is one row of TARGETS.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TURN_LIMIT,
  parseWorkflowText,
  validateWorkflow,
  type Workflow,
} from '../../src/model';
import {
  exportAgentsPy,
  exportAgentsTs,
  exportDotnet,
  exportPython,
  planExport,
} from '../../src/model/export';
import { importCode, type CodeLanguage } from '../../src/import/code';
import { nodeCodeParser } from '../../src/cli/grammarFiles';
import { EXAMPLES } from '../../src/ui/examples';

interface Target {
  name: string;
  lang: CodeLanguage;
  exportCode: (doc: Workflow) => string;
}

const TARGETS: readonly Target[] = [
  { name: 'af-python', lang: 'python', exportCode: exportPython },
  { name: 'af-dotnet', lang: 'csharp', exportCode: exportDotnet },
  { name: 'agents-ts', lang: 'typescript', exportCode: exportAgentsTs },
  { name: 'agents-py', lang: 'python', exportCode: exportAgentsPy },
];

const parser = nodeCodeParser();

function load(file: string): Workflow {
  const result = parseWorkflowText(readFileSync(`public/examples/${file}`, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

/** What a round trip must keep: effective models and descriptions, normalised defaults. */
function essence(doc: Workflow) {
  const plan = planExport(doc);
  const { interaction: i } = doc;
  const autonomous = i.mode === 'autonomous';
  return {
    name: doc.name,
    description: doc.description,
    startAgent: doc.startAgent,
    agents: doc.agents.map((a) => ({
      name: a.name,
      description: a.description,
      instructions: a.instructions,
      model: a.model ?? doc.defaults.model,
      tools: a.tools,
    })),
    mesh: plan.topology.implied,
    edges: plan.edges.map((e) => ({ source: e.source, target: e.target, text: e.description })),
    tools: doc.tools,
    interaction: {
      mode: i.mode,
      returnToPrevious: i.returnToPrevious,
      autonomousAgents: autonomous
        ? (i.autonomousAgents.length > 0 ? i.autonomousAgents : doc.agents.map((a) => a.name))
            .slice()
            .sort()
        : [],
      autonomousPrompt: autonomous ? i.autonomousPrompt : undefined,
      turnLimits: Object.fromEntries(
        Object.entries(autonomous ? i.turnLimits : {}).filter(([, n]) => n !== DEFAULT_TURN_LIMIT),
      ),
    },
    termination: doc.termination,
    temperature: doc.defaults.temperature,
  };
}

describe.each(TARGETS)('round trip through $name', (target) => {
  it.each(EXAMPLES.map((e) => e.file))('%s', async (file) => {
    const doc = load(file);
    const code = target.exportCode(doc);
    const result = await importCode(code, target.lang, parser);
    expect(result.workflow).toBeDefined();
    const back = result.workflow!;
    expect(essence(back)).toEqual(essence(doc));
    expect(validateWorkflow(back).filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.report.filter((n) => n.kind === 'not_understood')).toEqual([]);
  });
});

/** The implied mesh (no written handoffs) survives every target, with the targets' descriptions. */
describe.each(TARGETS)('mesh round trip through $name', (target) => {
  it.each(EXAMPLES.map((e) => e.file))('%s without its handoffs', async (file) => {
    const doc = { ...load(file), handoffs: [] };
    const result = await importCode(target.exportCode(doc), target.lang, parser);
    const back = result.workflow!;
    expect(back.handoffs).toEqual([]);
    const codes = result.report.map((n) => n.code);
    expect(codes).toContain('mesh_by_omission');
    expect(codes).not.toContain('no_handoffs_mesh');
    expect(essence(back)).toEqual(essence(doc));
    expect(result.report.filter((n) => n.kind === 'not_understood')).toEqual([]);
  });
});
