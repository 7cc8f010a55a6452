/**
 * The run engine (docs/spec/run-semantics.md, docs/spec/events.md): handoff orchestration over a
 * workflow document, emitting the run event stream and persisting through the checkpoint-store
 * port. Pure TypeScript: it runs unchanged in the browser and in Node.
 *
 * ```ts
 * const run = startRun({ document, provider: createSimulatorProvider({ document }), input: 'Hi' });
 * for await (const event of run) {
 *   if (event.type === 'input_requested') run.answerInput(event.requestId, nextLine() ?? { end: true });
 *   if (event.type === 'approval_requested') run.answerApproval(event.requestId, true);
 * }
 * const outcome = await run.done; // completed | failed | stopped | paused
 * ```
 */
export { startRun, resumeRun, generateRunId } from './run';
export type { StartRunOptions, RunHandle } from './run';
export type { ResumeRunOptions } from './resume';
export type { RunOutcome } from './outcome';
export type { InputAnswer } from './mailbox';
export type { OpenRequest, RunState, NextStep, PlannedCall, CallPlan } from './state';
export { documentHash, fnv1a64 } from './hash';
export { BreakpointGate, type Breakpoints } from './breakpoints';
export { documentProblems } from './problems';
export {
  runToScript,
  parseScript,
  parseScriptText,
  scriptSchema,
  scriptReplySchema,
  defaultCallId,
} from './script';
export type { Script, ScriptReply, ScriptToolCall } from './script';
export { Transcript } from './transcript';
export type { TranscriptItem } from './transcript';
export { RESULT_TEXT, fillTemplate, parseArguments } from './calls';
export { MemoryCheckpointStore } from './memoryStore';
export type {
  Checkpoint,
  CheckpointStore,
  RunRecord,
  SkippedCheckpoint,
  StoredItem,
} from './store';
export type {
  ListedRunStatus,
  OutcomeStatus,
  RunStatus,
  StoredRunStatus,
  TraceStatus,
} from './runStatus';
export { HandoffStudioError, ERROR_CODES, isAbortError } from './errors';
export type { ErrorCode, Fault } from './errors';
export { FINAL_EVENT_TYPES } from './events';
export type {
  RunEvent,
  RunEventBody,
  RunEventType,
  EventOf,
  ToolArguments,
  CompletionReason,
} from './events';
export type {
  ModelProvider,
  ModelRequest,
  ModelReply,
  ModelToolCall,
  ModelUsage,
  ChatMessage,
  ToolSpec,
} from './provider';
