/**
 * The conformance model: the project's OpenAI-compatible test server, answering from one script
 * per session. A session is one side (engine or Agent Framework) of one scenario; its client's
 * base URL is `<server>/openai/deployments/<session>`, so both sides can run at once. Within a
 * session the calling agent is recognised from its instructions (the system message), and the
 * agent's n-th call gets the agent's n-th scripted reply: both sides get identical replies.
 */
import type { Script, ScriptReply } from '../src/engine';
import {
  startOpenAIServer,
  type ChatRequestBody,
  systemMessageOf,
  type OpenAIServer,
  type RecordedRequest,
  type ScriptedResponse,
} from '../test/support/openaiServer';

export interface Session {
  /** The agents' instructions, by agent name (how a caller is recognised). */
  instructions: Record<string, string>;
  script: Script;
  /** Replies given so far, by agent. */
  calls: Record<string, number>;
  /** Model calls in arrival order (agent names). */
  log: string[];
  /** The request bodies, in arrival order. */
  bodies: ChatRequestBody[];
  /** What went wrong answering (an unknown caller, a script used up), for the report. */
  problems: string[];
}

export interface ConformanceServer {
  server: OpenAIServer;
  /** Opens a session and returns the base URL its client should use. */
  open(id: string, instructions: Record<string, string>, script: Script): string;
  session(id: string): Session;
  close(): Promise<void>;
}

const SESSION_PATH = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;

export async function startConformanceServer(): Promise<ConformanceServer> {
  const sessions = new Map<string, Session>();
  const server = await startOpenAIServer({
    handler: (request) => answer(sessions, request),
  });
  return {
    server,
    open(id, instructions, script) {
      sessions.set(id, { instructions, script, calls: {}, log: [], bodies: [], problems: [] });
      return `${server.url}/openai/deployments/${encodeURIComponent(id)}`;
    },
    session(id) {
      const found = sessions.get(id);
      if (!found) throw new Error(`no session ${id}`);
      return found;
    },
    close: () => server.close(),
  };
}

function answer(sessions: Map<string, Session>, request: RecordedRequest): ScriptedResponse {
  const id = decodeURIComponent(SESSION_PATH.exec(request.path)?.[1] ?? '');
  const session = sessions.get(id);
  if (!session) return fail(`no conformance session "${id}"`);
  const system = systemMessageOf(request);
  const agents = Object.keys(session.instructions).filter(
    (name) => session.instructions[name] === system,
  );
  if (agents.length !== 1) {
    const problem = `${agents.length === 0 ? 'no agent has' : 'several agents have'} the instructions ${JSON.stringify(system.slice(0, 60))}`;
    session.problems.push(problem);
    return fail(problem);
  }
  const agent = agents[0]!;
  session.bodies.push(request.body ?? {});
  const index = session.calls[agent] ?? 0;
  session.calls[agent] = index + 1;
  session.log.push(agent);
  const entry = session.script[agent]?.[index];
  if (!entry) {
    const problem = `script exhausted: ${agent} was called ${index + 1} times`;
    session.problems.push(problem);
    return fail(problem);
  }
  return toReply(entry);
}

function toReply(entry: ScriptReply): ScriptedResponse {
  return {
    ...(entry.text ? { text: entry.text } : {}),
    ...(entry.toolCalls?.length
      ? {
          toolCalls: entry.toolCalls.map((call) => ({
            name: call.name,
            arguments:
              typeof call.arguments === 'string'
                ? call.arguments
                : JSON.stringify(call.arguments ?? {}),
          })),
        }
      : {}),
  };
}

function fail(message: string): ScriptedResponse {
  // 400 is never retried by either client.
  return { type: 'error', status: 400, message: `conformance: ${message}` };
}
