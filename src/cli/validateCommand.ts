/** `cli validate FILE [--json]`: every problem of a workflow; exit 1 on errors, 2 if unreadable. */
import { sortIssues, validateWorkflow, type ValidationIssue } from '../model';
import { EXIT, type CliIO } from './io';
import { formatProblem, loadWorkflow } from './load';

export async function validateCommand(file: string, json: boolean, io: CliIO): Promise<number> {
  const loaded = await loadWorkflow(file);
  if (!loaded.ok) {
    if (json) io.out(JSON.stringify({ file, readable: false, problems: loaded.problems }));
    else {
      io.out(`${file}: cannot be read as a workflow (${loaded.problems.length} problem(s)):`);
      for (const p of loaded.problems) io.out(`  error    ${formatProblem(p)}`);
    }
    return EXIT.usage;
  }
  const issues = sortIssues(validateWorkflow(loaded.doc));
  const count = (s: ValidationIssue['severity']) => issues.filter((i) => i.severity === s).length;
  const errors = count('error');
  if (json) {
    io.out(JSON.stringify({ file, readable: true, issues }));
  } else {
    for (const i of issues) {
      const where = i.path === '' ? '' : `${i.path}: `;
      io.out(`${i.severity.padEnd(8)} ${i.code.padEnd(28)} ${where}${i.message}`);
    }
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    io.out(
      `${file}: ${plural(errors, 'error')}, ${plural(count('warning'), 'warning')}, ` +
        `${plural(count('info'), 'info')}`,
    );
  }
  return errors > 0 ? EXIT.failed : EXIT.ok;
}
