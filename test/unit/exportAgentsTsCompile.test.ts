/**
 * The exported Agents SDK (TypeScript) module must type-check (strict, NodeNext) against the
 * installed @openai/agents, for every example, the tricky document and hostile strings; and
 * hostile strings must stay data: string literals only, the same imports, no extra statements.
 * The run on the real SDK is conformance (`npm run conformance -- --side agents-ts`).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkflow, parseWorkflowText, type Workflow } from '../../src/model';
import { exportAgentsTs } from '../../src/model/export';

const EVIL = "'); import('node:child_process').then((c) => c.execSync('x')); ('";
const HOSTILE: Array<[string, string]> = [
  ['quotes', EVIL],
  ['template literal', '`${process.exit(1)}` */ process.exit(2); /*'],
  ['backslashes', 'a\\" + require("os") + "\\'],
  ['newlines', 'line\nprocess.exit(3)\r\n// x'],
  ['unicode', 'é中😀 \u2028 \u2029 \u0085 \u202e \u200b \ufeff \u0000 \ud800'],
  ['braces', '{{order}} {x} %s ${x}'],
];

function load(path: string): Workflow {
  const result = parseWorkflowText(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

function hostile(text: string): Workflow {
  const result = parseWorkflow({
    format: 'handoff-workflow',
    version: 1,
    name: text,
    description: text,
    startAgent: 'class',
    agents: [
      { name: 'class', description: text, instructions: text, model: text, tools: ['import'] },
      { name: 'import', description: text, instructions: text },
      { name: 'constructor', description: '', instructions: text },
    ],
    handoffs: [
      { source: 'class', target: 'import', description: text },
      { source: 'import', target: 'constructor', description: text },
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

const examples = readdirSync('public/examples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => join('public/examples', f));
const documents: Array<[string, Workflow]> = [
  ...[...examples, 'test/fixtures/golden/tricky/tricky.json'].map((f): [string, Workflow] => [
    f,
    load(f),
  ]),
  ['implied mesh', { ...load(examples[0]!), handoffs: [] }],
  ...HOSTILE.map(([label, text]): [string, Workflow] => [`hostile ${label}`, hostile(text)]),
];

let dir = '';
const files = new Map<string, string>();
let diagnostics: readonly ts.Diagnostic[] = [];

beforeAll(() => {
  // Inside the project, so that `@openai/agents` resolves from its node_modules.
  mkdirSync('.tmp', { recursive: true });
  dir = mkdtempSync(join(resolve('.tmp'), 'agents-ts-'));
  documents.forEach(([label, doc], i) => {
    const file = join(dir, `m${i}.ts`);
    writeFileSync(file, exportAgentsTs(doc));
    files.set(label, file);
  });
  const program = ts.createProgram([...files.values()], {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  });
  diagnostics = ts.getPreEmitDiagnostics(program);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const messages = (file: string) =>
  diagnostics
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

describe('exported Agents SDK TypeScript type-checks (tsc strict)', () => {
  it('type-checks the whole batch', () => {
    expect(diagnostics.filter((d) => !d.file).map((d) => d.messageText)).toEqual([]);
  });
  for (const [label] of documents) {
    it(label, () => {
      expect(messages(files.get(label)!)).toEqual([]);
    });
  }
});

/** Top-level statement kinds, imported modules and every string literal of a module. */
function inspect(code: string) {
  const source = ts.createSourceFile('m.ts', code, ts.ScriptTarget.ES2022, true);
  const strings: string[] = [];
  const calls: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      strings.push(node.text);
    if (ts.isTemplateExpression(node)) calls.push('template literal');
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      calls.push('import()');
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      if (['require', 'eval', 'Function'].includes(node.expression.text)) {
        calls.push(node.expression.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const imports = source.statements
    .filter(ts.isImportDeclaration)
    .map((s) => (s.moduleSpecifier as ts.StringLiteral).text);
  // SyntaxKind names alias (VariableStatement is FirstStatement): classify with the guards.
  const kinds: Array<[string, (node: ts.Node) => boolean]> = [
    ['import', ts.isImportDeclaration],
    ['const', ts.isVariableStatement],
    ['function', ts.isFunctionDeclaration],
    ['interface', ts.isInterfaceDeclaration],
    ['type', ts.isTypeAliasDeclaration],
    ['class', ts.isClassDeclaration],
    ['if', ts.isIfStatement],
  ];
  const top = source.statements.map(
    (s) => kinds.find(([, is]) => is(s))?.[0] ?? ts.SyntaxKind[s.kind],
  );
  return { strings, calls, imports, top };
}

describe('hostile strings stay inside literals', () => {
  for (const [label, text] of HOSTILE) {
    it(label, () => {
      const found = inspect(exportAgentsTs(hostile(text)));
      expect(found.calls).toEqual([]);
      expect(found.imports).toEqual([
        'node:events',
        'node:process',
        'node:readline',
        'node:url',
        '@openai/agents',
      ]);
      // The value survives exactly (description, instructions, template, keyword, prompt …).
      expect(found.strings.filter((s) => s === text).length).toBeGreaterThanOrEqual(8);
    });
  }

  it('keeps the module shape: imports, declarations and one `if` that runs the terminal', () => {
    const found = inspect(exportAgentsTs(hostile(EVIL)));
    const allowed = new Set(['import', 'const', 'function', 'interface', 'type', 'class', 'if']);
    expect(found.top.filter((t) => !allowed.has(t))).toEqual([]);
    expect(found.top.filter((t) => t === 'if')).toHaveLength(1);
  });
});
