/** Reads a workflow file for the CLI, reporting every problem the way people read them. */
import { readFile, stat } from 'node:fs/promises';
import { LIMITS, parseWorkflowText, type Problem, type Workflow } from '../model';

export type LoadResult = { ok: true; doc: Workflow } | { ok: false; problems: Problem[] };

export async function loadWorkflow(file: string): Promise<LoadResult> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail(`${file} is not a file.`);
    // Refuse huge files before reading them into memory (a UTF-8 byte is at least a char).
    if (info.size > LIMITS.maxDocumentChars * 3) {
      return fail(`${file} is too large (${(info.size / 1024 / 1024).toFixed(1)} MB).`);
    }
    return parseWorkflowText(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(`${file} does not exist.`);
    if (code === 'EACCES') return fail(`${file} cannot be read (permission denied).`);
    return fail(`${file} cannot be read: ${(error as Error).message}`);
  }
}

const fail = (message: string): LoadResult => ({ ok: false, problems: [{ path: '', message }] });

/** One problem per line: `path: message` (the path is left out for whole-document problems). */
export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}
