/**
 * A test case from any run's events (docs/spec/tests.md#a-case-from-a-run): its turns,
 * approvals and end, with the observed path as an exact `route` and how it ended.
 */
import type { RunEvent } from '../engine';
import type { TestCase, Workflow } from '../model';

export interface FromRunOptions {
  /** The case's id (made unique in `doc`); `case-<n>` when absent. */
  id?: string;
  /** The case's name; from the opening message when absent. */
  name?: string;
}

export function testCaseFromRun(
  _events: readonly RunEvent[],
  _doc: Workflow,
  _options: FromRunOptions = {},
): TestCase {
  throw new Error('not implemented yet');
}
