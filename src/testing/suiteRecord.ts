/**
 * A stored suite run as the app reads it back: the row's fields and its result, checked (a row
 * written by another version of the app, or damaged, is skipped, never cast blindly).
 */
import type { SuiteRow } from '../storage/suiteResults';
import type { SuiteResult } from '../routing/types';

/** A suite run of the open workflow: finished, stopped, running here, or interrupted by a reload. */
export type SuiteStatus = 'running' | 'finished' | 'stopped' | 'interrupted';

export interface SuiteRecord {
  id: string;
  workflowId: string;
  workflowHash: string;
  startedAt: string;
  status: SuiteStatus;
  result: SuiteResult;
}

/** The record of a row (`live`: the id of the suite running in this page), or undefined. */
export function recordOf(row: SuiteRow, live: string | undefined): SuiteRecord | undefined {
  const r = row.result as Partial<SuiteResult> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    !Array.isArray(r.samples) ||
    !Array.isArray(r.cases) ||
    typeof r.workflowHash !== 'string'
  ) {
    return undefined;
  }
  const status: SuiteStatus =
    row.status === 'running' && row.id !== live ? 'interrupted' : row.status;
  return {
    id: row.id,
    workflowId: row.workflowId,
    workflowHash: row.workflowHash,
    startedAt: row.startedAt,
    status,
    result: r as SuiteResult,
  };
}
