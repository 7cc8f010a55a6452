/**
 * Document model benchmark (issue 2): generated documents of 1,000 and 10,000 agents with 10×
 * edges. Parse, validate, and build every agent's tool catalogue. Target: 10,000 agents /
 * 100,000 edges in under 150 ms for validate + catalogues, growing no worse than linearly.
 */
import {
  buildTopology,
  indexTools,
  parseWorkflowText,
  toolCatalogue,
  validateWorkflow,
  type Workflow,
} from '../src/model';
import { exportMermaid, exportPython, exportDotnet } from '../src/model/export';
import { ms, table, time } from './measure';

export function generateDocumentText(agents: number, edgesPerAgent: number): string {
  const names = Array.from({ length: agents }, (_, i) => `agent_${i}`);
  const tools = Array.from({ length: 20 }, (_, i) => ({
    name: `tool_${i}`,
    description: `Tool ${i}`,
    parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    result: `Tool ${i} done for {{id}}`,
  }));
  const handoffs: Array<{ source: string; target: string; description: string }> = [];
  for (let i = 0; i < agents; i++) {
    for (let k = 1; k <= edgesPerAgent; k++) {
      // distinct targets per source: strides that never wrap onto the source itself
      const j = (i + k * 7919) % agents;
      if (j !== i)
        handoffs.push({ source: names[i]!, target: names[j]!, description: `Route ${k}` });
    }
  }
  return JSON.stringify({
    format: 'handoff-workflow',
    version: 1,
    name: `generated_${agents}`,
    startAgent: names[0],
    agents: names.map((name, i) => ({
      name,
      description: `Agent number ${i}`,
      instructions: `You are agent ${i}.`,
      tools: [`tool_${i % 20}`],
      position: { x: (i % 100) * 300, y: Math.floor(i / 100) * 200 },
    })),
    handoffs,
    tools,
  });
}

function parseOrThrow(text: string): Workflow {
  const result = parseWorkflowText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.doc;
}

export function benchModel(): void {
  console.log('\n## Document model: parse, validate, tool catalogues\n');
  const rows: Array<Record<string, string | number>> = [];
  for (const agents of [1_000, 10_000]) {
    const text = generateDocumentText(agents, 10);
    const doc = parseOrThrow(text);
    const edges = doc.handoffs.length;
    const parse = time(() => parseOrThrow(text), 5, 1);
    const validate = time(() => validateWorkflow(doc));
    const catalogues = time(() => {
      const topology = buildTopology(doc);
      const tools = indexTools(doc);
      for (const agent of doc.agents) toolCatalogue(doc, topology, agent.name, tools);
    });
    const both = time(() => {
      const topology = buildTopology(doc);
      validateWorkflow(doc, topology);
      const tools = indexTools(doc);
      for (const agent of doc.agents) toolCatalogue(doc, topology, agent.name, tools);
    });
    rows.push({
      agents,
      edges,
      'text MB': (text.length / 1024 / 1024).toFixed(1),
      parse: ms(parse.median),
      validate: ms(validate.median),
      catalogues: ms(catalogues.median),
      'validate+catalogues': ms(both.median),
      'ns/edge': ((both.median * 1e6) / edges).toFixed(0),
      target: agents === 10_000 ? '< 150 ms' : '',
    });
  }
  table(rows);
  const [small, large] = rows;
  const growth = Number(large!['ns/edge']) / Number(small!['ns/edge']);
  console.log(
    `\nper-edge cost at 10,000 agents is ${growth.toFixed(2)}× that at 1,000 (linear growth ≈ 1×)`,
  );
  benchMeshExport(parseOrThrow);
}

/** Exports of an implied mesh (no handoffs): linear in the agents, never n×(n−1) edges. */
function benchMeshExport(parse: (text: string) => Workflow): void {
  console.log('\n### Exports of an implied mesh\n');
  const base = parse(generateDocumentText(2, 0));
  const rows: Array<Record<string, string | number>> = [];
  for (const agents of [316, 2_000]) {
    const doc: Workflow = {
      ...base,
      agents: Array.from({ length: agents }, (_, i) => ({
        ...base.agents[0]!,
        name: `agent_${i}`,
      })),
      handoffs: [],
    };
    const row: Record<string, string | number> = { agents, 'implied edges': agents * (agents - 1) };
    for (const [name, fn] of [
      ['mermaid', exportMermaid],
      ['python', exportPython],
      ['dotnet', exportDotnet],
    ] as const) {
      let bytes = 0;
      const t = time(() => void (bytes = fn(doc).length), 3, 1);
      row[name] = `${ms(t.median)}, ${(bytes / 1024).toFixed(0)} KB`;
    }
    rows.push(row);
  }
  table(rows);
  console.log('\n(316 agents is the largest mesh a document may imply; 2,000 is built in code.)');
  // Labels borrowed from very long descriptions: each label reads only what it shows.
  const long = 'lorem ipsum '.repeat(16_000);
  const agents = Array.from({ length: 46 }, (_, i) => ({
    ...base.agents[0]!,
    name: `n${i}`,
    description: long,
  }));
  const handoffs = agents.flatMap((s, i) =>
    agents.filter((_, j) => j !== i).map((t) => ({ source: s.name, target: t.name })),
  );
  const wide = { ...base, startAgent: 'n0', agents, handoffs: handoffs.slice(0, 2_000) };
  const t = time(() => void exportMermaid(wide), 3, 1);
  console.log(
    `\nMermaid, 2,000 edges whose labels come from 192,000-character descriptions: ${ms(t.median)}`,
  );
}
