/**
 * The Agents SDK (TypeScript) side's driver: the exported module imported into this process (it
 * is TypeScript; conformance runs under tsx), its `runConversation()` driven with a scenario's
 * answers on the real `@openai/agents`, with a Chat Completions provider pointed at the
 * conformance server. Like driver.py it reports what happened, raw and unjudged, as DriverEvents:
 * answers run out → the conversation pauses; with resumes left, a module imported anew goes on
 * from the paused state (`runConversation({ resume })`) with the next answers.
 */
import { setMaxListeners } from 'node:events';
import { pathToFileURL } from 'node:url';
import { OpenAIProvider, Runner, setTracingDisabled } from '@openai/agents';
import type { DriverAnswer, DriverJob } from './pythonDriver';
import type { DriverEvent } from './trace';

/** The part of an exported module the driver uses (see src/model/export/agentsTsDriver.ts). */
interface ExportedModule {
  runConversation(
    io: {
      ask(request: { agent: string; requestId: string }): Promise<string | undefined>;
      approve(request: { requestId: string }): Promise<boolean | undefined>;
      event?(event: ConversationEvent): void;
    },
    options: { runner: Runner; opening?: string; resume?: string; model?: string },
  ): Promise<
    | { status: 'completed'; reason: string }
    | { status: 'failed'; code: string; message: string }
    | { status: 'paused'; state: string }
  >;
}

type ConversationEvent =
  | { type: 'model_call'; agent: string }
  | { type: 'message'; agent: string; text: string }
  | { type: 'tool_call'; agent: string; callId: string; name: string; arguments: string }
  | { type: 'tool_result'; agent: string; callId: string; name: string; result: string }
  | { type: 'handoff'; from: string; to: string }
  | { type: 'input_requested'; agent: string; requestId: string }
  | {
      type: 'approval_requested';
      agent: string;
      requestId: string;
      name: string;
      arguments: string;
    }
  | { type: 'resumed' };

function parseArguments(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

let imports = 0;

/** A fresh instance of the module (a resume builds everything anew, as a new process would). */
async function load(module: string): Promise<ExportedModule> {
  return (await import(`${pathToFileURL(module).href}?v=${imports++}`)) as ExportedModule;
}

/** Runs one job on the Agents SDK; never throws (a failure is the `end` event). */
export async function runAgentsTs(job: DriverJob): Promise<DriverAnswer> {
  setTracingDisabled(true);
  // As the exported terminal does: each model request of an SDK run listens on the run's signal.
  setMaxListeners(0);
  const runner = new Runner({
    modelProvider: new OpenAIProvider({
      apiKey: 'conformance',
      baseURL: job.baseURL,
      useResponses: false,
    }),
    tracingDisabled: true,
  });
  const events: DriverEvent[] = [];
  const args = new Map<string, string>();
  let modelCalls = 0;
  let answers = { inputs: [...(job.inputs ?? [])], decisions: [...(job.decisions ?? [])] };
  const resumes = [...(job.resumes ?? [])];
  const open = new Set<string>();
  const record = (event: ConversationEvent): void => {
    switch (event.type) {
      case 'model_call':
        modelCalls++;
        events.push({ t: 'model', agent: event.agent });
        break;
      case 'message':
        events.push({ t: 'text', agent: event.agent, text: event.text });
        break;
      case 'tool_call':
        args.set(event.callId, event.arguments);
        events.push({ t: 'call', agent: event.agent, callId: event.callId, name: event.name });
        break;
      case 'tool_result':
        events.push({
          t: 'result',
          agent: event.agent,
          callId: event.callId,
          name: event.name,
          arguments: parseArguments(args.get(event.callId) ?? ''),
          result: event.result,
        });
        break;
      case 'handoff':
        events.push({ t: 'handoff', from: event.from, to: event.to });
        break;
      case 'input_requested':
        open.add(event.requestId);
        events.push({ t: 'input', agent: event.agent, requestId: event.requestId });
        break;
      case 'approval_requested':
        open.add(event.requestId);
        events.push({
          t: 'approval',
          agent: event.agent,
          requestId: event.requestId,
          callId: event.requestId,
          name: event.name,
          arguments: parseArguments(event.arguments),
        });
        break;
      case 'resumed':
        events.push({ t: 'resumed' });
        break;
    }
  };
  const io = {
    event: record,
    ask: async ({ requestId }: { requestId: string }) => {
      const next = answers.inputs.shift();
      if (next !== undefined) open.delete(requestId);
      return next;
    },
    approve: async ({ requestId }: { requestId: string }) => {
      const next = answers.decisions.shift();
      if (next !== undefined) open.delete(requestId);
      return next;
    },
  };
  let ms = 0; // the runs only, without importing (and compiling) the module
  const timeout = new Promise<'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), (job.timeoutSeconds ?? 60) * 1000);
    timer.unref();
  });
  try {
    let resume: string | undefined;
    for (;;) {
      const module = await load(job.module);
      const started = performance.now();
      const end = await Promise.race([
        module.runConversation(io, {
          runner,
          ...(resume === undefined ? { opening: job.opening } : { resume }),
        }),
        timeout,
      ]);
      ms += performance.now() - started;
      if (end === 'timeout') {
        events.push({ t: 'end', how: 'error', error: 'timed out' });
        break;
      }
      if (end.status === 'completed') {
        events.push({ t: 'end', how: `completed: ${end.reason}` });
        break;
      }
      if (end.status === 'failed') {
        events.push({ t: 'end', how: `failed: ${end.code}`, error: end.message });
        break;
      }
      events.push({ t: 'end', how: 'paused', open: [...open] });
      const next = resumes.shift();
      if (!next) break;
      open.clear();
      answers = { inputs: [...(next.inputs ?? [])], decisions: [...(next.decisions ?? [])] };
      resume = end.state;
    }
  } catch (error) {
    events.push({ t: 'end', how: 'error', error: String(error).slice(0, 400) });
  }
  return { events, ms, modelCalls };
}
