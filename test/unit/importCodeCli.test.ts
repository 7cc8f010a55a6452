/** `cli import-code`: JSON on stdout, the report on stderr, exit codes of docs/spec/cli.md. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import type { CliIO } from '../../src/cli/io';
import { parseWorkflowText } from '../../src/model';

function capture(): CliIO & { stdout: string; stderr: string[] } {
  const io = {
    stdout: '',
    stderr: [] as string[],
    out: (line: string) => (io.stdout += `${line}\n`),
    err: (line: string) => io.stderr.push(line),
    write: (text: string) => (io.stdout += text),
  };
  return io;
}

describe('cli import-code', () => {
  it('prints the workflow on stdout and the report on stderr', async () => {
    const io = capture();
    const code = await main(['import-code', 'test/fixtures/code/af_python_statements.py'], io);
    expect(code).toBe(0);
    const parsed = parseWorkflowText(io.stdout);
    expect(parsed.ok && parsed.doc.name).toBe('research_team');
    expect(io.stderr).toContain(
      'test/fixtures/code/af_python_statements.py:39: left_out builder_call_left_out: ' +
        'HandoffBuilder.with_checkpointing(…) has no counterpart in Handoff Studio; it is left out.',
    );
  });

  it('takes --lang over the extension and exits 1 when there is no workflow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-code-'));
    const file = join(dir, 'script.txt');
    writeFileSync(file, 'print("hi")\n');
    const io = capture();
    expect(await main(['import-code', file, '--lang', 'python'], io)).toBe(1);
    expect(io.stdout).toBe('');
    expect(io.stderr.join('\n')).toContain('no_workflow_found');
  });

  it('exits 2 for an unknown extension, an unknown language and a missing file', async () => {
    const a = capture();
    expect(await main(['import-code', 'notes.txt'], a)).toBe(2);
    expect(a.stderr.join('\n')).toContain('code_unknown_language');
    const b = capture();
    expect(await main(['import-code', 'x.py', '--lang', 'cobol'], b)).toBe(2);
    const c = capture();
    expect(await main(['import-code', 'missing.py'], c)).toBe(2);
    expect(c.stdout).toBe('');
  });

  it('exits 2 with a stable code for a file too large to import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-code-'));
    const file = join(dir, 'big.py');
    writeFileSync(file, `x = "${'a'.repeat(2_000_000)}"\n`);
    const io = capture();
    expect(await main(['import-code', file], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('Error (code_too_large)');
  });
});
