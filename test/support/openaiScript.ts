/**
 * What the OpenAI-compatible test server (openaiServer.ts) answers, and helpers to script it:
 * replies, HTTP faults, and routing by the calling agent's system message.
 */

/** One tool call the scripted model makes. `arguments` is sent as is (it may be invalid JSON). */
export interface ScriptedToolCall {
  /** Defaults to `call_<n>`, unique per server. */
  id?: string;
  name: string;
  arguments: string;
}

/** Token counts in the API's own shape. */
export interface ScriptedUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** A model reply: streamed as `chat.completion.chunk` events, or one JSON body when not streamed. */
export interface ScriptedReply {
  type?: 'reply';
  text?: string;
  toolCalls?: ScriptedToolCall[];
  /**
   * Sent when the client asks for usage; defaults to counts derived from the request and reply.
   * `null`: a server that never reports usage (some compatible servers ignore the request).
   */
  usage?: ScriptedUsage | null;
  /** Defaults to "tool_calls" when there are tool calls, else "stop"; `null` sends none. */
  finishReason?: string | null;
  /** Characters per text delta; by default each word (with its trailing space) is one delta. */
  textChunkSize?: number;
  /** Characters per tool-argument slice (default 8, so arguments span several chunks). */
  argumentsChunkSize?: number;
  /** Send the argument slices of several tool calls round-robin, interleaved by `index`. */
  interleaveToolCalls?: boolean;
  /** Milliseconds to wait before each SSE event after the first (default 0: no latency). */
  delayMs?: number;
  /** Destroy the socket after this many SSE events have been written (a dropped connection). */
  dropAfterChunks?: number;
  /** Leave out the final `data: [DONE]`. */
  omitDone?: boolean;
  /** Write this many SSE events, then send nothing more and keep the connection open (a stall). */
  stallAfterChunks?: number;
  /** Answer one JSON body even to a streamed request (a server that does not stream). */
  notStreamed?: boolean;
  /** After this many SSE events, send one whose data is not JSON (`malformed`), then end. */
  malformedAfterChunks?: number;
  /** The data of the malformed event (default a truncated chunk object). */
  malformed?: string;
}

/** An HTTP error answer in the OpenAI error shape: `{error: {message, type, code}}`. */
export interface ScriptedError {
  type: 'error';
  status: number;
  message: string;
  errorType?: string;
  code?: string | null;
  headers?: Record<string, string>;
}

/** Destroy the socket without any answer (a connection reset before the response). */
export interface ScriptedDrop {
  type: 'drop';
}

/** Never answer (the connection stays open until the client gives up). */
export interface ScriptedHang {
  type: 'hang';
}

export type ScriptedResponse = ScriptedReply | ScriptedError | ScriptedDrop | ScriptedHang;

/** The fields of a Chat Completions request body that tests look at. */
export interface ChatRequestBody {
  model?: string;
  messages?: Array<Record<string, unknown> & { role: string; content?: unknown }>;
  tools?: Array<{ type: string; function: { name: string; description?: string } }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  temperature?: number;
  [key: string]: unknown;
}

/** One request as the server received it (CORS preflights are not recorded). */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (`undefined` for GET or an empty body). */
  body: ChatRequestBody | undefined;
  /** `performance.now()` when the request arrived. */
  receivedAt: number;
}

/** Decides the answer to one chat-completions request. */
export type ScriptHandler = (
  request: RecordedRequest,
) => ScriptedResponse | Promise<ScriptedResponse>;

/** A text reply (shorthand). */
export function reply(text: string, options: Omit<ScriptedReply, 'text'> = {}): ScriptedReply {
  return { ...options, text };
}

/** A reply made of tool calls, with optional text before them. */
export function toolCalls(
  calls: ScriptedToolCall[],
  options: Omit<ScriptedReply, 'toolCalls'> = {},
): ScriptedReply {
  return { ...options, toolCalls: calls };
}

/** 429 with `retry-after` (seconds, may be fractional) and `retry-after-ms`. */
export function rateLimited(retryAfterMs = 10): ScriptedError {
  return {
    type: 'error',
    status: 429,
    message: 'Rate limit reached for requests. Please try again later.',
    errorType: 'requests',
    code: 'rate_limit_exceeded',
    headers: {
      'retry-after': String(retryAfterMs / 1000),
      'retry-after-ms': String(retryAfterMs),
    },
  };
}

/** 500; `retryAfterMs` keeps the client's retries fast in tests. */
export function serverError(retryAfterMs?: number): ScriptedError {
  return {
    type: 'error',
    status: 500,
    message: 'The server had an error while processing your request.',
    errorType: 'server_error',
    code: null,
    ...(retryAfterMs === undefined ? {} : { headers: { 'retry-after-ms': String(retryAfterMs) } }),
  };
}

/** 401 as OpenAI sends it (the message quotes the key it was given, as some servers do). */
export function unauthorized(message = 'Incorrect API key provided.'): ScriptedError {
  return {
    type: 'error',
    status: 401,
    message,
    errorType: 'invalid_request_error',
    code: 'invalid_api_key',
  };
}

/** 404 `model_not_found` for `model`. */
export function modelNotFound(model: string): ScriptedError {
  return {
    type: 'error',
    status: 404,
    message: `The model \`${model}\` does not exist or you do not have access to it.`,
    errorType: 'invalid_request_error',
    code: 'model_not_found',
  };
}

/** The content of the first system (or developer) message: the calling agent's instructions. */
export function systemMessageOf(request: RecordedRequest): string {
  const first = request.body?.messages?.find((m) => m.role === 'system' || m.role === 'developer');
  return typeof first?.content === 'string' ? first.content : '';
}

/** A handler that answers from a queue, then with `error 400` once the queue is empty. */
export function fromQueue(
  responses: readonly ScriptedResponse[],
  label = 'the script',
): ScriptHandler {
  const queue = [...responses];
  return () =>
    queue.shift() ?? {
      type: 'error',
      status: 400,
      message: `openaiServer: no scripted response left in ${label}.`,
    };
}

/** How one agent is recognised and answered, for {@link byAgent}. */
export interface AgentScript {
  /** Matched against the system message (the agent's instructions): substring or RegExp. */
  match: string | RegExp;
  /** Answered in order, or decided per request. */
  responses: readonly ScriptedResponse[] | ScriptHandler;
}

/**
 * A handler that picks the answer by which agent is calling, recognised from its system message.
 * The first matching agent wins; an unknown caller, or an agent whose queue is empty, gets a
 * 400 error (never retried) that names the problem.
 */
export function byAgent(agents: Record<string, AgentScript>): ScriptHandler {
  const routes = Object.entries(agents).map(([name, script]) => ({
    name,
    match: script.match,
    handle:
      typeof script.responses === 'function'
        ? script.responses
        : fromQueue(script.responses, `agent "${name}"'s script`),
  }));
  return (request) => {
    const system = systemMessageOf(request);
    const route = routes.find((r) =>
      typeof r.match === 'string' ? system.includes(r.match) : r.match.test(system),
    );
    if (!route) {
      return {
        type: 'error',
        status: 400,
        message: `openaiServer: no agent script matches the system message ${JSON.stringify(system.slice(0, 80))}.`,
      };
    }
    return route.handle(request);
  };
}
