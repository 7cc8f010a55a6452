/** How one invocation of the engine ended (the `done` promise of a run handle). */
import type { CompletionReason, FailureDetail } from './events';
import type { OutcomeStatus } from './runStatus';
import type { OpenRequest } from './state';

export type RunOutcome = (
  | { status: 'completed'; runId: string; reason: CompletionReason }
  | { status: 'failed'; runId: string; error: FailureDetail }
  | { status: 'stopped'; runId: string; checkpointId: string | null }
  | { status: 'paused'; runId: string; checkpointId: string | null; requests: OpenRequest[] }
) & { status: OutcomeStatus };
