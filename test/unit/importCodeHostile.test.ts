/** Hostile input: a clear report or a coded error, in bounded time; nothing is executed. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_IMPORT_LIMITS, CodeImportError, importCode } from '../../src/import/code';
import { nodeCodeParser } from '../../src/cli/grammarFiles';

const parser = nodeCodeParser();

describe('hostile code', () => {
  it('keeps what parses around a syntax error and lists the error lines', async () => {
    const source = readFileSync('test/fixtures/code/af_python_syntax_error.py', 'utf8');
    const r = await importCode(source, 'python', parser);
    expect(r.workflow!.agents.map((a) => a.name)).toEqual(['triage']);
    const syntax = r.report.filter((n) => n.code === 'syntax_error');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax.every((n) => n.kind === 'not_understood' && n.line >= 4)).toBe(true);
  });

  it('refuses a 5 MB file with a stable code before parsing', async () => {
    const big = `x = "${'a'.repeat(5 * 1024 * 1024)}"\n`;
    const started = Date.now();
    const error = await importCode(big, 'python', parser).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodeImportError);
    expect((error as CodeImportError).code).toBe('code_too_large');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reads deeply nested code without overflowing, in bounded time', async () => {
    const depth = 50_000;
    const source =
      'from agent_framework.orchestrations import HandoffBuilder\n' +
      `a = client.as_agent(name="a", instructions=${'['.repeat(depth)}${']'.repeat(depth)})\n` +
      'wf = HandoffBuilder(participants=[a]).build()\n';
    expect(source.length).toBeLessThan(CODE_IMPORT_LIMITS.maxChars);
    const started = Date.now();
    const r = await importCode(source, 'python', parser);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.workflow!.agents.map((a) => a.name)).toEqual(['a']);
    expect(r.report.map((n) => n.code)).toContain('agent_instructions_not_literal');
  });

  it('reports a file with no workflow', async () => {
    const r = await importCode('print("hello")\n', 'python', parser);
    expect(r.workflow).toBeUndefined();
    expect(r.report).toEqual([
      expect.objectContaining({ kind: 'not_understood', code: 'no_workflow_found' }),
    ]);
  });

  it('never runs the file: code in strings and calls stays text', async () => {
    const source =
      'from agent_framework.orchestrations import HandoffBuilder\n' +
      'import os\n' +
      'os.system("touch /tmp/pwned")\n' +
      'a = client.as_agent(name="a", instructions=__import__("os").getcwd())\n' +
      'wf = HandoffBuilder(participants=[a]).build()\n';
    const r = await importCode(source, 'python', parser);
    expect(r.workflow!.agents[0]!.instructions).toBe('');
  });
});

describe('hostile code in every language', () => {
  const depth = 20_000;
  const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  it.each([
    [
      'typescript',
      `const a = new Agent({ name: 'a', instructions: 'x', tools: ${nested} });\nawait run(a, 'hi');\n`,
    ],
    [
      'javascript',
      `const a = new Agent({ name: 'a', instructions: 'x', tools: ${nested} });\nawait run(a, 'hi');\n`,
    ],
    [
      'csharp',
      `var a = chatClient.AsAIAgent(name: "a", instructions: "x");\nvar x = ${'('.repeat(depth)}1${')'.repeat(depth)};\n` +
        'var wf = AgentWorkflowBuilder.CreateHandoffBuilderWith(a).Build();\n',
    ],
  ] as const)('%s: deep nesting is read in bounded time', async (lang, source) => {
    const started = Date.now();
    const r = await importCode(source, lang, parser);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.workflow!.agents.map((a) => a.name)).toEqual(['a']);
  });

  it.each([
    ['typescript', 'const a = new Agent({ name: "a", instructions: "x" ;\nrun(a, "hi");\n'],
    [
      'csharp',
      'var a = chatClient.AsAIAgent(name: "a", instructions: "x";\nAgentWorkflowBuilder.CreateHandoffBuilderWith(a).Build();\n',
    ],
  ] as const)('%s: a syntax error is a note, not a failure', async (lang, source) => {
    const r = await importCode(source, lang, parser);
    expect(r.report.some((n) => n.code === 'syntax_error' && n.kind === 'not_understood')).toBe(
      true,
    );
  });
});
