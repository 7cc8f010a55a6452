/**
 * Resume mechanics, checked on each side of a scenario that pauses and resumes: the resumed
 * invocation re-announces exactly the requests the pause left open, with the same ids, before it
 * does anything else; on the engine, `seq` runs 1, 2, 3 … over the whole run
 * (docs/spec/events.md#order). Where the script stands after a resume (no model call made twice,
 * none skipped) shows in the step trace and the model input, which are compared as for every
 * scenario.
 */
import type { RunEvent } from '../src/engine';
import type { EngineRun } from './engineSide';
import type { DriverEvent } from './trace';

/** What a resumed invocation announces before anything else (its re-announced requests). */
function leadingRequests<E>(
  events: readonly E[],
  requestId: (e: E) => string | undefined,
  skip: (e: E) => boolean,
): string[] {
  const ids: string[] = [];
  for (const event of events) {
    const id = requestId(event);
    if (id !== undefined) ids.push(id);
    else if (!skip(event)) break;
  }
  return ids;
}

function compareOpen(where: string, open: readonly string[], again: readonly string[]): string[] {
  return open.join(',') === again.join(',')
    ? []
    : [
        `${where}: the pause left [${open.join(', ')}] open, the resume re-announced [${again.join(', ')}]`,
      ];
}

const engineRequestId = (event: RunEvent) =>
  event.type === 'input_requested' || event.type === 'approval_requested'
    ? event.requestId
    : undefined;

/** Bookkeeping events that may come before the re-announced requests. */
const ENGINE_PREAMBLE = new Set<RunEvent['type']>(['run_resumed', 'checkpoint_saved']);

export function engineResumeProblems(run: EngineRun): string[] {
  const problems: string[] = [];
  for (const [i, event] of run.events.entries()) {
    if (event.seq !== i + 1) {
      problems.push(`seq ${event.seq} where ${i + 1} was due (${event.type})`);
      break;
    }
  }
  for (let k = 1; k < run.invocations.length; k++) {
    const again = leadingRequests(run.invocations[k]!.events, engineRequestId, (e) =>
      ENGINE_PREAMBLE.has(e.type),
    );
    problems.push(...compareOpen(`resume ${k}`, run.invocations[k - 1]!.open, again));
  }
  return problems;
}

export function afResumeProblems(events: readonly DriverEvent[]): string[] {
  const problems: string[] = [];
  let k = 0;
  for (const [i, event] of events.entries()) {
    if (event.t !== 'resumed') continue;
    k++;
    const pause = events[i - 1];
    const open = pause?.t === 'end' ? (pause.open ?? []) : [];
    const again = leadingRequests(
      events.slice(i + 1),
      (e) => (e.t === 'input' || e.t === 'approval' ? e.requestId : undefined),
      () => false,
    );
    problems.push(...compareOpen(`resume ${k}`, open, again));
  }
  return problems;
}
