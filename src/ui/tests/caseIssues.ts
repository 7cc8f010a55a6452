import type { ValidationIssue } from '../../model/issues';

/** The issues of case `index` (paths `tests[index]…`), by path relative to the case. */
export function caseIssues(
  issues: readonly ValidationIssue[],
  index: number,
): Map<string, ValidationIssue[]> {
  const prefix = `tests[${index}]`;
  const out = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    if (issue.path !== prefix && !issue.path.startsWith(`${prefix}.`)) continue;
    const rel = issue.path.slice(prefix.length).replace(/^\./, '');
    out.set(rel, [...(out.get(rel) ?? []), issue]);
  }
  return out;
}

/** The issues at `path` or below it. */
export function issuesUnder(
  byPath: ReadonlyMap<string, ValidationIssue[]>,
  path: string,
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const [rel, list] of byPath) {
    if (rel === path || rel.startsWith(`${path}.`) || rel.startsWith(`${path}[`)) out.push(...list);
  }
  return out;
}
