/** `cli export FILE --to json|mermaid|python|dotnet|agents-ts|agents-py`: prints the export on stdout. */
import { DEFAULT_SCHEMA_URL, hasErrors, sortIssues, validateWorkflow } from '../model';
import { exportWorkflow } from '../model/export';
import { EXIT, UsageError, type CliIO } from './io';
import { formatProblem, loadWorkflow } from './load';

export const EXPORT_TARGETS = [
  'json',
  'mermaid',
  'python',
  'dotnet',
  'agents-ts',
  'agents-py',
] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export function parseExportTarget(value: string | undefined): ExportTarget {
  if (value === undefined) throw new UsageError(`export needs --to ${EXPORT_TARGETS.join('|')}.`);
  if (!(EXPORT_TARGETS as readonly string[]).includes(value)) {
    throw new UsageError(`--to ${value} is not a format; use one of ${EXPORT_TARGETS.join(', ')}.`);
  }
  return value as ExportTarget;
}

export async function exportCommand(
  file: string,
  to: ExportTarget,
  io: CliIO,
  schemaUrl = DEFAULT_SCHEMA_URL,
): Promise<number> {
  const loaded = await loadWorkflow(file);
  if (!loaded.ok) {
    io.err(`${file}: cannot be read as a workflow:`);
    for (const p of loaded.problems) io.err(`  ${formatProblem(p)}`);
    return EXIT.usage;
  }
  const issues = validateWorkflow(loaded.doc);
  // Code for a broken topology would not run; the JSON form is still useful to repair it.
  if (to !== 'json' && hasErrors(issues)) {
    io.err(`${file}: fix these errors before exporting to ${to}:`);
    for (const i of sortIssues(issues)) {
      if (i.severity === 'error') io.err(`  ${i.path ? `${i.path}: ` : ''}${i.message}`);
    }
    return EXIT.failed;
  }
  io.write(exportWorkflow(loaded.doc, to, { schemaUrl }));
  return EXIT.ok;
}
