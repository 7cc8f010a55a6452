/**
 * The model provider port. The engine builds each model input
 * (docs/spec/run-semantics.md#the-shared-transcript) and a provider turns it into one reply,
 * streaming text as it comes. Implementations: src/providers/openai.ts (the openai SDK),
 * simulator.ts (offline default) and script.ts (replay).
 */

/** One tool call as the model made it. `arguments` is the raw JSON text. */
export interface ModelToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** Chat messages in the OpenAI Chat Completions shape, which every provider here speaks. */
export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | {
      role: 'assistant';
      content: string | null;
      /**
       * The author, when the message is another agent's
       * (docs/spec/run-semantics.md#the-shared-transcript).
       */
      name?: string;
      toolCalls?: ModelToolCall[];
    }
  | { role: 'tool'; toolCallId: string; content: string };

export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ModelRequest {
  /** The agent being called. */
  agent: string;
  /** 0-based index of this model call among the agent's calls in this run (replay position). */
  callIndex: number;
  model: string | undefined;
  temperature: number | undefined;
  /** System prompt first, then the shared transcript interleaved with the agent's own items. */
  messages: readonly ChatMessage[];
  tools: readonly ToolSpec[];
  signal: AbortSignal;
  /** Called with each piece of streamed text, in order. */
  onTextDelta: (delta: string) => void;
  /** Called when the provider waits before trying the call again (rate limit, server error). */
  onWait?: (wait: ProviderWait) => void;
}

/** A provider's announced wait before it tries a failed call again. */
export interface ProviderWait {
  reason: 'rate_limited' | 'server_error' | 'connection';
  /** The attempt that failed (1 = the first call) and how many may be made in all. */
  attempt: number;
  maxAttempts: number;
  waitMs: number;
  /** For people: what failed and what happens next. */
  message: string;
}

export interface ModelUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** The counts are an estimate (a provider that cannot count, such as the simulator). */
  estimated?: boolean;
}

export interface ModelReply {
  text: string;
  toolCalls: ModelToolCall[];
  usage?: ModelUsage;
}

export interface ModelProvider {
  /** Short name shown in run lists and stored with runs: "simulator", "script", "openai". */
  readonly id: string;
  /**
   * One model call. Rejects with a `HandoffStudioError` (fault "provider", or code
   * "script_exhausted"), or with an `AbortError`-like error when `signal` aborts.
   */
  complete(request: ModelRequest): Promise<ModelReply>;
}
