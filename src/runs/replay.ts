/**
 * What a replay needs from a run's events besides the script: the opening message and the
 * user's answers in order (replies, End, approvals), so that a replayed run goes the same way.
 */
import type { InputAnswer } from '../engine/mailbox';
import type { RunEvent } from '../engine/events';

export interface RecordedAnswers {
  opening: string | undefined;
  /** Answers to input requests, in order ({ end: true } for the user's End). */
  inputs: InputAnswer[];
  /** Approval decisions, in order. */
  decisions: boolean[];
}

export function recordedAnswers(events: readonly RunEvent[]): RecordedAnswers {
  let opening: string | undefined;
  const inputs: InputAnswer[] = [];
  const decisions: boolean[] = [];
  for (const event of events) {
    if (event.type === 'user_message') {
      if (opening === undefined) opening = event.text;
      else inputs.push(event.text);
    } else if (event.type === 'approval_resolved') {
      decisions.push(event.approved);
    } else if (event.type === 'completed' && event.reason === 'user_terminated') {
      inputs.push({ end: true });
    }
  }
  return { opening, inputs, decisions };
}
