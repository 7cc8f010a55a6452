/**
 * Test samples are ordinary runs (listed, opened, resumed like any) that carry the id of their
 * suite run in `RunRecord.meta`, so that lists can tell them apart.
 */
import type { RunRecord } from '../engine/store';
import { TEST_SUITE } from '../runs/runList';

export { TEST_SUITE };

/** True when the run is a sample of a routing-test suite. */
export const isTestSample = (record: Pick<RunRecord, 'meta'>): boolean =>
  record.meta?.[TEST_SUITE] !== undefined;
