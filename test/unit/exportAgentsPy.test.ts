/**
 * The OpenAI Agents SDK (Python) export: golden files, every example's module compiles, it imports
 * only `agents`, `openai` and the standard library, hostile strings stay data, and the handoff
 * tools carry the engine's names and descriptions. Needs `python3` (no pip packages); the run on
 * the real SDK is exportAgentsPyRun.test.ts and `npm run conformance`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTopology, handoffTools, parseWorkflow, parseWorkflowText } from '../../src/model';
import type { Workflow } from '../../src/model';
import {
  agentsPyLimitations,
  exportAgentsPy,
  exportWorkflow,
  planExport,
} from '../../src/model/export';

const EXAMPLES = 'public/examples';
const GOLDEN = 'test/fixtures/golden';
const SOURCES = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [join(EXAMPLES, f), GOLDEN] as const),
  [join(GOLDEN, 'tricky', 'tricky.json'), join(GOLDEN, 'tricky')] as const,
];
let dir = '';

beforeAll(() => {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('python3 is required by the Python export tests: install Python 3 and retry.');
  }
  dir = mkdtempSync(join(tmpdir(), 'hs-agents-py-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function load(path: string): Workflow {
  const result = parseWorkflowText(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

/** Compiles a module; returns its imported modules, suspicious calls and string constants. */
const INSPECT = `
import ast, json, sys
source = open(sys.argv[1], encoding="utf-8").read()
compile(source, sys.argv[1], "exec")
tree = ast.parse(source)
calls = sorted({getattr(n.func, "attr", getattr(n.func, "id", "")) for n in ast.walk(tree) if isinstance(n, ast.Call)} & {"system", "exec", "eval", "popen", "__import__"})
modules = sorted({n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names})
strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
print(json.dumps({"calls": calls, "modules": modules, "strings": strings}))
`;

function inspect(code: string) {
  const path = join(dir, 'module.py');
  writeFileSync(path, code);
  const run = spawnSync('python3', ['-c', INSPECT, path], { encoding: 'utf8' });
  expect(run.stderr, 'the module must compile').toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { calls: string[]; modules: string[]; strings: string[] };
}

describe('agents-py golden files', () => {
  for (const [source, out] of SOURCES) {
    const golden = join(out, `${basename(source, '.json')}.agents.py`);
    it(`${golden} matches exportWorkflow(agents-py)`, () => {
      expect(exportWorkflow(load(source), 'agents-py')).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

describe('exported agents-py modules compile', () => {
  for (const [source] of SOURCES) {
    it(source, () => {
      const path = join(dir, 'compiled.py');
      writeFileSync(path, exportAgentsPy(load(source)));
      const run = spawnSync('python3', ['-m', 'py_compile', path], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    });
  }

  it('imports only the SDK, openai and the standard library', () => {
    const found = inspect(exportAgentsPy(load(join(EXAMPLES, 'customer_support.json'))));
    expect(found.modules).toEqual([
      '__future__',
      'agents',
      'asyncio',
      'json',
      'openai',
      'os',
      're',
      'sys',
      'typing',
    ]);
  });
});

describe('agents-py handoffs', () => {
  it('one handoff_to_<target> per edge, with the description the engine offers', () => {
    const doc = load(join(EXAMPLES, 'ecommerce_returns.json'));
    const code = exportAgentsPy(doc);
    const topology = buildTopology(doc);
    let edges = 0;
    for (const agent of doc.agents) {
      for (const tool of handoffTools(topology, agent.name)) {
        edges++;
        expect(code).toContain(`_handoff(${tool.target}, ${JSON.stringify(tool.description)}),`);
      }
    }
    expect(edges).toBe(doc.handoffs.length);
    expect(code.match(/^ {8}_handoff\(/gm)).toHaveLength(edges);
    expect(code).toContain('tool_name_override="handoff_to_" + target.name');
  });

  it('the implied mesh is built in a loop, not written out edge by edge', () => {
    const doc = parseWorkflow({
      format: 'handoff-workflow',
      version: 1,
      name: 'mesh',
      startAgent: 'a',
      agents: [{ name: 'a', description: 'Alpha' }, { name: 'b' }, { name: 'c' }],
    });
    if (!doc.ok) throw new Error('bad fixture');
    const code = exportAgentsPy(doc.doc);
    expect(code).toContain('MESH_DESCRIPTIONS: dict[str, str] = {');
    expect(code).toContain('"a": "Alpha",');
    expect(code).toContain('"b": "Handoff to the b agent.",');
    expect(code).not.toMatch(/^ {8}_handoff\(/m);
  });
});

describe('agents-py: hostile strings stay inside literals', () => {
  const text = '"""); import os; os.system("x") #\n\u2028\u202e{{x}} \\N{BULLET}';
  it('compiles, calls nothing dangerous and keeps every string whole', () => {
    const doc = parseWorkflow({
      format: 'handoff-workflow',
      version: 1,
      name: text,
      description: text,
      startAgent: 'class',
      agents: [
        { name: 'class', description: text, instructions: text, model: text, tools: ['import'] },
        { name: 'import', description: text, instructions: text },
      ],
      handoffs: [{ source: 'class', target: 'import', description: text }],
      tools: [{ name: 'import', description: text, result: text, approval: 'always_require' }],
      interaction: { mode: 'autonomous', autonomousPrompt: text },
      termination: { keywords: [text] },
      defaults: { model: text },
    });
    if (!doc.ok) throw new Error(JSON.stringify(doc.problems));
    const found = inspect(exportAgentsPy(doc.doc));
    expect(found.calls).toEqual([]);
    expect(found.strings.filter((s) => s === text).length).toBeGreaterThanOrEqual(8);
  });
});

describe('agents-py header', () => {
  const notes = (file: string) => agentsPyLimitations(planExport(load(join(EXAMPLES, file))));
  it('names the differences that apply to the document, and only those', () => {
    const gated = /runs the ungated calls at once/;
    const handoffs = /Multiple handoffs detected/;
    // customer_support has an approval-gated tool and handoffs.
    expect(notes('customer_support.json').some((n) => gated.test(n))).toBe(true);
    expect(notes('customer_support.json').some((n) => handoffs.test(n))).toBe(true);
    // homework_tutors has no tools at all.
    expect(notes('homework_tutors.json').some((n) => gated.test(n))).toBe(false);
    const single = parseWorkflow({
      format: 'handoff-workflow',
      version: 1,
      name: 'single',
      startAgent: 'a',
      agents: [{ name: 'a' }],
    });
    if (!single.ok) throw new Error('bad fixture');
    expect(agentsPyLimitations(planExport(single.doc)).some((n) => handoffs.test(n))).toBe(false);
    expect(exportAgentsPy(single.doc)).toContain("# - Another agent's text reaches an agent");
  });
});
