/**
 * A test case from any run's events (docs/spec/tests.md#a-case-from-a-run): its turns,
 * approvals and end, with the observed path as an exact `route` and how it ended. "Save as
 * test" in the app; the case is ready to edit.
 */
import type { RunEvent } from '../engine';
import {
  formatRoutePath,
  TEST_ID_PATTERN,
  type Expectations,
  type TestCase,
  type Workflow,
} from '../model';
import { observe } from './observe';

export interface FromRunOptions {
  /** The case's id (made unique in `doc`); `case-<n>` when absent. */
  id?: string;
  /** The case's name; from the opening message when absent. */
  name?: string;
}

export function testCaseFromRun(
  events: readonly RunEvent[],
  doc: Workflow,
  options: FromRunOptions = {},
): TestCase {
  const turns: string[] = [];
  const approvals: Array<'approve' | 'reject'> = [];
  for (const event of events) {
    if (event.type === 'user_message') turns.push(event.text);
    else if (event.type === 'approval_resolved')
      approvals.push(event.approved ? 'approve' : 'reject');
  }
  const seen = observe(events, doc);
  const expect: Expectations = {
    ...(seen.path.length > 0 ? { route: formatRoutePath(seen.path) } : {}),
    ...(seen.endAgent !== undefined ? { endAgent: seen.endAgent } : {}),
    ...(seen.outcome !== 'stopped' ? { outcome: seen.outcome } : {}),
    ...(seen.completion !== undefined ? { completion: seen.completion } : {}),
  };
  const userEnded = seen.completion === 'user_terminated';
  return {
    id: uniqueId(doc, options.id),
    name: options.name ?? nameFrom(turns[0]),
    turns,
    ...(userEnded ? { endConversation: true } : {}),
    ...(approvals.length > 0 ? { approvals } : {}),
    expect,
  };
}

function uniqueId(doc: Workflow, wanted: string | undefined): string {
  const taken = new Set((doc.tests ?? []).map((t) => t.id));
  if (wanted !== undefined && TEST_ID_PATTERN.test(wanted)) {
    if (!taken.has(wanted)) return wanted;
    const stem = wanted.slice(0, 56);
    for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
  }
  for (let n = taken.size + 1; ; n++) if (!taken.has(`case-${n}`)) return `case-${n}`;
}

function nameFrom(opening: string | undefined): string {
  const flat = (opening ?? '').replace(/\s+/g, ' ').trim();
  if (flat === '') return 'Saved run';
  return flat.length <= 60 ? flat : `${flat.slice(0, 59)}…`;
}
