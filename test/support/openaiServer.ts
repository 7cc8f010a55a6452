/**
 * A small OpenAI-compatible server for tests, browser tests, benchmarks and conformance runs:
 * Node `http` on 127.0.0.1 with an ephemeral port. It answers `POST …/chat/completions` (SSE
 * `chat.completion.chunk` events or one JSON body) and `GET …/models`, with CORS for the browser,
 * and records every request. What it answers is scripted (openaiScript.ts). No artificial latency
 * unless a reply asks for it.
 *
 * ```ts
 * const server = await startOpenAIServer({ script: [rateLimited(), reply('Hi there')] });
 * const client = new OpenAI({ baseURL: server.baseURL, apiKey: 'k' });
 * await server.close();
 * ```
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { chunkEvents, completionBody } from './openaiSse';
import { fromQueue } from './openaiScript';
import type {
  ChatRequestBody,
  RecordedRequest,
  ScriptHandler,
  ScriptedError,
  ScriptedResponse,
} from './openaiScript';

export * from './openaiScript';

export interface OpenAIServerOptions {
  /** Decides each chat-completions answer. Used once `script` is used up. */
  handler?: ScriptHandler;
  /** Answers taken in order, before `handler`. */
  script?: readonly ScriptedResponse[];
  /** Model ids listed by `GET /v1/models` (default `["gpt-test", "gpt-test-mini"]`). */
  models?: readonly string[];
  /**
   * When set, requests must carry this key (`Authorization: Bearer` or Azure's `api-key`),
   * else 401 with a message that quotes the key received.
   */
  apiKey?: string;
}

export interface OpenAIServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>/v1`, the SDK's `baseURL`. */
  baseURL: string;
  /** Every request received, in order (CORS preflights excluded). */
  requests: RecordedRequest[];
  /** The bodies of the chat-completions requests, in order. */
  chatBodies(): ChatRequestBody[];
  /** Append answers to the script queue. */
  enqueue(...responses: ScriptedResponse[]): void;
  /** Stop listening and cut every open connection. */
  close(): Promise<void>;
}

/** OpenAI (`/v1/…`) and Azure (`/openai/deployments/<name>/…`, `/openai/v1/…`) routes. */
const CHAT_PATH = /^\/(v1|openai(\/v1)?(\/deployments\/[^/]+)?)\/chat\/completions$/;
const MODELS_PATH = /^\/(v1|openai(\/v1)?)\/models$/;
const DEFAULT_REPLY: ScriptedResponse = { text: 'Hello from the test server.' };
/** A chunk cut off mid-object: what a broken proxy or server sends. */
const MALFORMED =
  '{"id":"chatcmpl-broken","object":"chat.completion.chunk","choices":[{"delta":{"content":"RAW-';

/** Starts the server; resolves once it listens. */
export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedResponse[] = [...(options.script ?? [])];
  // With a script and no handler, running out is a test error; with neither, a default reply.
  const fallback: ScriptHandler =
    options.handler ?? (options.script ? fromQueue([], 'the script') : () => DEFAULT_REPLY);
  const models = options.models ?? ['gpt-test', 'gpt-test-mini'];
  let callCount = 0;

  const server = createServer((req, res) => {
    setCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    readBody(req)
      .then(async (raw) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: { ...req.headers },
          body: raw ? (JSON.parse(raw) as ChatRequestBody) : undefined,
          receivedAt: performance.now(),
        };
        requests.push(recorded);
        const authError = checkKey(req, options.apiKey);
        if (authError) return writeError(res, authError);
        if (req.method === 'GET' && MODELS_PATH.test(url.pathname)) {
          return writeJson(res, 200, {
            object: 'list',
            data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'test' })),
          });
        }
        if (req.method === 'POST' && CHAT_PATH.test(url.pathname)) {
          const scripted = queue.shift() ?? (await fallback(recorded));
          return answer(req, res, recorded, scripted, callCount++);
        }
        return writeError(res, {
          type: 'error',
          status: 404,
          message: `openaiServer: no route for ${req.method} ${url.pathname}.`,
          errorType: 'invalid_request_error',
        });
      })
      .catch((error: unknown) => {
        if (!res.headersSent) {
          writeError(res, {
            type: 'error',
            status: 400,
            message: `openaiServer: ${String(error)}`,
          });
        }
      });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    chatBodies: () => requests.filter((r) => CHAT_PATH.test(r.path)).map((r) => r.body ?? {}),
    enqueue: (...responses) => void queue.push(...responses),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  request: RecordedRequest,
  scripted: ScriptedResponse,
  callIndex: number,
): Promise<void> {
  if (scripted.type === 'drop') {
    req.socket.destroy();
    return;
  }
  if (scripted.type === 'hang') return;
  if (scripted.type === 'error') {
    writeError(res, scripted);
    return;
  }
  const body = request.body ?? {};
  if (body.stream !== true || scripted.notStreamed) {
    writeJson(res, 200, completionBody(scripted, body, callIndex));
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  let closed = false;
  res.on('close', () => (closed = true));
  const events = chunkEvents(scripted, body, callIndex);
  for (const [i, event] of events.entries()) {
    if (scripted.stallAfterChunks !== undefined && i >= scripted.stallAfterChunks) return;
    if (scripted.malformedAfterChunks !== undefined && i >= scripted.malformedAfterChunks) {
      res.end(`data: ${scripted.malformed ?? MALFORMED}\n\n`);
      return;
    }
    if (scripted.dropAfterChunks !== undefined && i >= scripted.dropAfterChunks) {
      // Let the chunks already written reach the client before the connection is cut.
      await new Promise((resolve) => setTimeout(resolve, 5));
      req.socket.destroy();
      return;
    }
    if (i > 0 && scripted.delayMs) await new Promise((r) => setTimeout(r, scripted.delayMs));
    if (closed) return;
    res.write(`data: ${event}\n\n`);
  }
  res.end();
}

function setCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  // `*` does not cover Authorization, so echo what the preflight asks for.
  const asked = req.headers['access-control-request-headers'];
  res.setHeader('access-control-allow-headers', asked ?? 'authorization, content-type, api-key');
  res.setHeader('access-control-expose-headers', '*');
  res.setHeader('access-control-max-age', '600');
}

function checkKey(req: IncomingMessage, apiKey: string | undefined): ScriptedError | undefined {
  if (apiKey === undefined) return undefined;
  const bearer = /^Bearer (.*)$/.exec(req.headers.authorization ?? '')?.[1];
  const given = bearer ?? req.headers['api-key'];
  if (given === apiKey) return undefined;
  return {
    type: 'error',
    status: 401,
    message: `Incorrect API key provided: ${String(given)}.`,
    errorType: 'invalid_request_error',
    code: 'invalid_api_key',
  };
}

function writeError(res: ServerResponse, error: ScriptedError): void {
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  writeJson(res, error.status, {
    error: {
      message: error.message,
      type: error.errorType ?? 'invalid_request_error',
      param: null,
      code: error.code ?? null,
    },
  });
}

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
