/**
 * Errors with stable codes that say who is at fault (after openai-agents-js' error tree). The
 * code travels in `failed {error: {code, message}}` events, so it is a contract.
 */
export type Fault = 'document' | 'model' | 'provider' | 'storage' | 'user' | 'engine';

export const ERROR_CODES = {
  invalid_document: 'document',
  document_changed: 'document',
  loop_guard: 'model',
  /** More model calls between two user messages than `termination.maxModelCallsPerTurn`. */
  model_call_limit: 'model',
  /** A reply (text and tool arguments) longer than the engine accepts (`MAX_REPLY_CHARS`). */
  reply_too_large: 'model',
  script_exhausted: 'model',
  provider_error: 'provider',
  provider_auth: 'provider',
  provider_not_found: 'provider',
  provider_unreachable: 'provider',
  provider_rate_limited: 'provider',
  provider_stream_dropped: 'provider',
  /** No answer, or a stream that stopped sending, within the provider's timeouts. */
  provider_timeout: 'provider',
  storage_error: 'storage',
  storage_quota: 'storage',
  run_not_found: 'user',
  /** Another live process (or store instance) is writing the run (the file store's lock). */
  run_locked: 'user',
  checkpoint_not_found: 'user',
  /** A stored or imported checkpoint that does not hold a run state this engine can read. */
  checkpoint_unreadable: 'storage',
  /** A run file that is not JSON, not a run file, or holds events that break the event schema. */
  invalid_run_file: 'user',
  /** A trace file that is not JSON, not a trace of a known format, or too large or deep. */
  invalid_trace: 'user',
  /** A trace of a format this version recognises but cannot import yet. */
  trace_not_supported: 'user',
  invalid_answer: 'user',
  invalid_script: 'user',
  run_finished: 'user',
  cancelled: 'user',
  internal_error: 'engine',
} as const satisfies Record<string, Fault>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class HandoffStudioError extends Error {
  readonly code: ErrorCode;
  readonly fault: Fault;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HandoffStudioError';
    this.code = code;
    this.fault = ERROR_CODES[code];
  }
}

export function isAbortError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AbortError' ||
      error.name === 'APIUserAbortError' ||
      error.message === 'aborted')
  );
}
