/**
 * The exported Python must compile, and hostile strings must stay data. Needs `python3` (no pip
 * packages). The check against the real agent-framework packages is scripts/check-python-export.sh.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkflow, parseWorkflowText } from '../../src/model';
import type { Workflow } from '../../src/model';
import { exportPython } from '../../src/model/export';

const EVIL = '"""); import os; os.system("x") #';
let dir = '';

function python(args: string[], input?: string) {
  const run = spawnSync('python3', args, { encoding: 'utf8', input });
  if (run.error) throw run.error;
  return run;
}

beforeAll(() => {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('python3 is required by the Python export tests: install Python 3 and retry.');
  }
  dir = mkdtempSync(join(tmpdir(), 'hs-export-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function load(path: string): Workflow {
  const result = parseWorkflowText(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

function hostile(text: string, name = 'hostile'): Workflow {
  const result = parseWorkflow({
    format: 'handoff-workflow',
    version: 1,
    name: text,
    description: text,
    startAgent: 'class',
    agents: [
      { name: 'class', description: text, instructions: text, model: text, tools: ['import'] },
      { name: 'import', description: text, instructions: text },
      { name: name, description: '', instructions: text },
    ],
    handoffs: [
      { source: 'class', target: 'import', description: text },
      { source: 'import', target: name, description: text },
    ],
    tools: [
      {
        name: 'import',
        description: text,
        parameters: {
          type: 'object',
          properties: { [text]: { type: 'string', description: text } },
        },
        approval: 'always_require',
        result: text,
      },
    ],
    interaction: { mode: 'autonomous', autonomousPrompt: text, turnLimits: { class: 2 } },
    termination: { keywords: [text], maxMessages: 9, endOnTerminalAgent: true },
    defaults: { model: text },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

/** Compiles a module and returns every string constant in it plus its suspicious calls. */
const INSPECT = `
import ast, json, sys
source = open(sys.argv[1], encoding="utf-8").read()
compile(source, sys.argv[1], "exec")
tree = ast.parse(source)
calls = []
for node in ast.walk(tree):
    if isinstance(node, ast.Call):
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
        if name in ("system", "exec", "eval", "popen", "__import__"):
            calls.append(name)
imports = sorted({a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names})
top = [type(n).__name__ for n in tree.body]
strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
print(json.dumps({"calls": calls, "imports": imports, "top": top, "strings": strings}))
`;

function inspect(code: string, file: string) {
  const path = join(dir, file);
  writeFileSync(path, code);
  const run = python(['-c', INSPECT, path]);
  expect(run.stderr, `${file} must compile`).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as {
    calls: string[];
    imports: string[];
    top: string[];
    strings: string[];
  };
}

describe('exported Python compiles', () => {
  const examples = readdirSync('public/examples').filter((f) => f.endsWith('.json'));
  for (const file of [
    ...examples.map((f) => join('public/examples', f)),
    'test/fixtures/golden/tricky/tricky.json',
  ]) {
    it(file, () => {
      const path = join(dir, 'module.py');
      writeFileSync(path, exportPython(load(file)));
      const run = python(['-m', 'py_compile', path]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    });
  }
});

describe('hostile strings stay inside literals', () => {
  const cases: Array<[string, string]> = [
    ['triple quotes', EVIL],
    ['single triple quotes', "'''); import os; os.system('x') #"],
    ['backslashes', 'a\\" + __import__("os").system("x") + "\\'],
    ['newlines', 'line\nimport os\nos.system("x")\r\n#'],
    ['unicode', 'é中😀 \u2028 \u2029 \u0085 \u202e \u200b \ufeff \u0000 \ud800'],
    ['braces', '{{order}} {x} %s \\N{BULLET}'],
  ];
  for (const [label, text] of cases) {
    it(label, () => {
      const found = inspect(exportPython(hostile(text)), `${label.replace(/\W/g, '_')}.py`);
      expect(found.calls).toEqual([]);
      expect(found.imports).toEqual([
        'Agent',
        'Any',
        'Content',
        'HandoffAgentUserRequest',
        'HandoffBuilder',
        'Message',
        'OpenAIChatCompletionClient',
        'WorkflowConvergenceException',
        'annotations',
        'asyncio',
        'json',
        'os',
        're',
        'sys',
        'tool',
      ]);
      // The value survives exactly (as a description, instructions, template, keyword …).
      expect(found.strings.filter((s) => s === text).length).toBeGreaterThanOrEqual(8);
    });
  }

  it('keeps the module shape: only imports, assignments and definitions at the top level', () => {
    const found = inspect(exportPython(hostile(EVIL)), 'shape.py');
    const allowed = new Set([
      'ImportFrom',
      'Import',
      'Assign',
      'FunctionDef',
      'AsyncFunctionDef',
      'If',
    ]);
    expect(found.top.filter((t) => !allowed.has(t))).toEqual([]);
    expect(found.top.filter((t) => t === 'If')).toHaveLength(1); // if __name__ == "__main__"
  });
});
