/**
 * Where the caller's answers to open requests wait for the engine. Answers may come at any time
 * after a request is emitted (even before the engine reaches its pause), are checked at once
 * (unknown request, wrong kind, answered twice → `invalid_answer`), and are taken by the engine
 * when every request of the pause has one.
 */
import { HandoffStudioError } from './errors';
import type { OpenRequest } from './state';

/** The user's answer to an input request: a message, or End. */
export type InputAnswer = string | { end: true };

type Answer = { kind: 'input'; value: InputAnswer } | { kind: 'approval'; approved: boolean };

export class Mailbox {
  private readonly open = new Map<string, OpenRequest>();
  private readonly answers = new Map<string, Answer>();
  private wake: (() => void) | undefined;
  private suspendRequested = false;

  /** Opens requests (as their events are emitted). */
  add(requests: readonly OpenRequest[]): void {
    for (const request of requests) this.open.set(request.requestId, request);
  }

  /** Open requests that have no answer yet, in the order they were opened. */
  get waiting(): OpenRequest[] {
    return [...this.open.values()].filter((r) => !this.answers.has(r.requestId));
  }

  answerInput(requestId: string, value: InputAnswer): void {
    this.put(requestId, 'input', { kind: 'input', value });
  }

  answerApproval(requestId: string, approved: boolean): void {
    this.put(requestId, 'approval', { kind: 'approval', approved });
  }

  /** Ends the invocation at the current or next pause (answers already given still count). */
  suspend(): void {
    this.suspendRequested = true;
    this.wake?.();
  }

  /**
   * Waits until every request in `ids` has an answer ("ready"), or `suspend()` was called while
   * some are unanswered ("suspended"). Rejects with an AbortError when `signal` aborts.
   */
  async waitFor(ids: readonly string[], signal: AbortSignal): Promise<'ready' | 'suspended'> {
    for (;;) {
      if (signal.aborted) throw abortError();
      if (ids.every((id) => this.answers.has(id))) return 'ready';
      if (this.suspendRequested) {
        this.suspendRequested = false;
        return 'suspended';
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        this.wake = done;
        signal.addEventListener('abort', done);
      });
    }
  }

  /**
   * Takes the answers given so far to these approval requests (in their order) and returns
   * them with the requests still waiting.
   */
  takeApprovals<R extends OpenRequest & { kind: 'approval' }>(
    requests: readonly R[],
  ): { taken: Array<{ request: R; approved: boolean }>; waiting: R[] } {
    const taken: Array<{ request: R; approved: boolean }> = [];
    const waiting: R[] = [];
    for (const request of requests) {
      if (this.answers.has(request.requestId)) {
        taken.push({ request, approved: this.takeApproval(request.requestId) });
      } else {
        waiting.push(request);
      }
    }
    return { taken, waiting };
  }

  /** Takes the input answer of a request and closes it. */
  takeInput(requestId: string): InputAnswer {
    const answer = this.take(requestId);
    if (answer.kind !== 'input') throw new Error(`Request ${requestId} is not an input request.`);
    return answer.value;
  }

  /** Takes the approval answer of a request and closes it. */
  takeApproval(requestId: string): boolean {
    const answer = this.take(requestId);
    if (answer.kind !== 'approval') {
      throw new Error(`Request ${requestId} is not an approval request.`);
    }
    return answer.approved;
  }

  private take(requestId: string): Answer {
    const answer = this.answers.get(requestId);
    if (!answer) throw new Error(`Request ${requestId} has no answer.`);
    this.answers.delete(requestId);
    this.open.delete(requestId);
    return answer;
  }

  private put(requestId: string, kind: OpenRequest['kind'], answer: Answer): void {
    const request = this.open.get(requestId);
    if (!request) {
      throw new HandoffStudioError(
        'invalid_answer',
        `There is no open request "${requestId}" to answer` +
          (this.open.size > 0 ? ` (open: ${[...this.open.keys()].join(', ')}).` : '.'),
      );
    }
    if (request.kind !== kind) {
      throw new HandoffStudioError(
        'invalid_answer',
        `Request "${requestId}" is an ${request.kind} request; answer it with ` +
          (request.kind === 'input' ? 'answerInput().' : 'answerApproval().'),
      );
    }
    if (this.answers.has(requestId)) {
      throw new HandoffStudioError(
        'invalid_answer',
        `Request "${requestId}" has already been answered.`,
      );
    }
    this.answers.set(requestId, answer);
    this.wake?.();
  }
}

function abortError(): Error {
  const error = new Error('aborted');
  error.name = 'AbortError';
  return error;
}
