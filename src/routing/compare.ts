/**
 * A new suite result against a previous one (docs/spec/tests.md#comparing-results): which cases
 * got better or worse, which are new or gone. A change in rate counts only when the two Wilson
 * intervals do not overlap, so sampling noise is not reported as a change.
 */
import type { CaseComparison, CaseSummary, SuiteComparison, SuiteResult } from './types';

export function compareSuites(current: SuiteResult, previous: SuiteResult): SuiteComparison {
  const before = new Map(previous.cases.map((c) => [c.caseId, c]));
  const now = new Set(current.cases.map((c) => c.caseId));
  const cases: CaseComparison[] = current.cases.map((after) => {
    const old = before.get(after.caseId);
    if (!old) return { caseId: after.caseId, change: 'new', after: brief(after) };
    return {
      caseId: after.caseId,
      change: changeOf(old, after),
      before: brief(old),
      after: brief(after),
    };
  });
  for (const old of previous.cases) {
    if (!now.has(old.caseId))
      cases.push({ caseId: old.caseId, change: 'gone', before: brief(old) });
  }
  const ids = (change: CaseComparison['change']) =>
    cases.filter((c) => c.change === change).map((c) => c.caseId);
  return {
    cases,
    better: ids('better'),
    worse: ids('worse'),
    new: ids('new'),
    gone: ids('gone'),
    workflowChanged: current.workflowHash !== previous.workflowHash,
  };
}

const brief = (c: CaseSummary) => ({ rate: c.rate, ok: c.ok });

function changeOf(old: CaseSummary, now: CaseSummary): 'better' | 'worse' | 'same' {
  // A case that did not run in one of the two results has nothing to compare.
  if (old.total === 0 || now.total === 0) return 'same';
  if (!old.ok && now.ok) return 'better';
  if (old.ok && !now.ok) return 'worse';
  if (now.low > old.high) return 'better';
  if (now.high < old.low) return 'worse';
  return 'same';
}
