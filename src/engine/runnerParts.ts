/** What one invocation of the run loop works with: the document, its ports and the run's state. */
import type { Topology, Workflow } from '../model';
import type { BreakpointGate } from './breakpoints';
import type { EventChannel } from './channel';
import type { Mailbox } from './mailbox';
import type { ModelProvider } from './provider';
import type { RunRecorder } from './recorder';
import type { RunState } from './state';
import type { Transcript } from './transcript';

export interface RunnerParts {
  doc: Workflow;
  topology: Topology;
  provider: ModelProvider;
  state: RunState;
  transcript: Transcript;
  recorder: RunRecorder;
  channel: EventChannel;
  mailbox: Mailbox;
  signal: AbortSignal;
  /** Live breakpoints, when the caller set any. */
  breakpoints?: BreakpointGate;
  /** Times model calls, in milliseconds (`usage.durationMs`). */
  clock: () => number;
}
