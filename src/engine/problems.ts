/** The validation errors that keep a document from running, as one message for `failed`. */
import { validateWorkflow, type Workflow } from '../model';

/** Every validation error of `doc` with its path, or undefined when the document can run. */
export function documentProblems(doc: Workflow): string | undefined {
  const errors = validateWorkflow(doc).filter((issue) => issue.severity === 'error');
  if (errors.length === 0) return undefined;
  const list = errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`));
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return `The workflow cannot run (${count}): ${list.join(' ')}`;
}
