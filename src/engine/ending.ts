/**
 * How an invocation of the engine ends: exactly one of `completed`, `failed`, `stopped`, or a
 * pause, each written to the store before the event stream closes; and the guard that maps
 * whatever ends the loop early (Stop, a coded error, a bug, a storage failure) to one of them.
 */
import { HandoffStudioError, isAbortError, type ErrorCode } from './errors';
import type { CompletionReason, RunEventBody } from './events';
import type { RunOutcome } from './outcome';
import type { RunnerParts } from './runnerParts';
import { openRequestsOf } from './state';
import type { StoredRunStatus } from './runStatus';

export class RunEnding {
  constructor(
    private readonly parts: RunnerParts,
    private readonly emit: (body: RunEventBody) => void,
  ) {}

  async complete(reason: CompletionReason): Promise<RunOutcome> {
    this.emit({ type: 'completed', reason });
    await this.finish('completed');
    return { status: 'completed', runId: this.parts.state.runId, reason };
  }

  /** Fails the run; `detail` adds structure a consumer needs (a loop guard's agent and limit). */
  async fail(
    code: ErrorCode | string,
    message: string,
    detail: { agent?: string; limit?: number } = {},
  ): Promise<RunOutcome> {
    const error = { code, message, ...detail };
    this.emit({ type: 'failed', error });
    await this.finish('failed');
    return { status: 'failed', runId: this.parts.state.runId, error: { ...error } };
  }

  async pause(): Promise<RunOutcome> {
    await this.finish('paused');
    return {
      status: 'paused',
      runId: this.parts.state.runId,
      checkpointId: this.parts.state.checkpointId,
      requests: openRequestsOf(this.parts.state),
    };
  }

  async stopped(): Promise<RunOutcome> {
    this.emit({ type: 'stopped' });
    await this.finish('stopped');
    return {
      status: 'stopped',
      runId: this.parts.state.runId,
      checkpointId: this.parts.state.checkpointId,
    };
  }

  private async finish(status: StoredRunStatus): Promise<void> {
    const { recorder, transcript, channel } = this.parts;
    try {
      await recorder.finish(this.parts.state, transcript, status);
    } finally {
      channel.close();
    }
  }

  /** Maps whatever ends the loop early to exactly one final event. */
  async guard(body: () => Promise<RunOutcome>): Promise<RunOutcome> {
    try {
      return await body();
    } catch (error) {
      try {
        if (this.parts.signal.aborted || isAbortError(error)) return await this.stopped();
        if (error instanceof HandoffStudioError) return await this.fail(error.code, error.message);
        const message = error instanceof Error ? error.message : String(error);
        return await this.fail('internal_error', `Engine error: ${message}`);
      } catch (finalError) {
        // Storage failed while writing the end of the run: the final event is already out.
        this.parts.channel.close();
        const message = finalError instanceof Error ? finalError.message : String(finalError);
        return {
          status: 'failed',
          runId: this.parts.state.runId,
          error: { code: 'storage_error', message },
        };
      }
    }
  }
}
