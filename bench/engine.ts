/**
 * Engine benchmark (issue 3): this engine and @openai/agents 0.14.3 side by side, against the same
 * zero-latency OpenAI-compatible test server, on (a) a chain of 5 agents, (b) two agents handing
 * off 50 times, (c) the same with 500 hand-offs. Engine overhead per model call = wall time per
 * run / model calls − the same per call of a bare fetch loop that replays exactly the request
 * bodies that contender sent (so transport and server costs cancel out).
 */
import { Agent, OpenAIChatCompletionsModel, run, setTracingDisabled } from '@openai/agents';
import OpenAI from 'openai';
import { performance } from 'node:perf_hooks';
import { MemoryCheckpointStore, startRun, type CheckpointStore } from '../src/engine';
import { parseWorkflow, type Workflow } from '../src/model';
import { createOpenAIProvider } from '../src/providers/openai';
import {
  startOpenAIServer,
  type ChatRequestBody,
  type OpenAIServer,
} from '../test/support/openaiServer';
import { table } from './measure';

interface Scenario {
  name: string;
  agents: string[];
  edges: Array<[string, string]>;
  /** Handoffs before the final text reply. */
  handoffs: number;
}

const SCENARIOS: Scenario[] = [
  {
    name: '(a) chain of 5',
    agents: ['a1', 'a2', 'a3', 'a4', 'a5'],
    edges: [
      ['a1', 'a2'],
      ['a2', 'a3'],
      ['a3', 'a4'],
      ['a4', 'a5'],
    ],
    handoffs: 4,
  },
  {
    name: '(b) ping-pong 50',
    agents: ['ping', 'pong'],
    edges: [
      ['ping', 'pong'],
      ['pong', 'ping'],
    ],
    handoffs: 50,
  },
  {
    name: '(c) ping-pong 500',
    agents: ['ping', 'pong'],
    edges: [
      ['ping', 'pong'],
      ['pong', 'ping'],
    ],
    handoffs: 500,
  },
];

/** The scripted model: hand off while hand-offs remain and a handoff tool is offered, else answer. */
function modelFor(server: { remaining: number }) {
  return (request: { body?: ChatRequestBody }) => {
    const handoff = request.body?.tools?.find((t) =>
      /^(handoff|transfer)_to_/.test(t.function.name),
    );
    if (server.remaining > 0 && handoff) {
      server.remaining--;
      return { toolCalls: [{ name: handoff.function.name, arguments: '{}' }] };
    }
    return { text: 'All done here.' };
  };
}

function workflowOf(s: Scenario): Workflow {
  const result = parseWorkflow({
    format: 'handoff-workflow',
    version: 1,
    name: 'bench',
    startAgent: s.agents[0],
    agents: s.agents.map((name) => ({
      name,
      description: `Agent ${name}`,
      instructions: `You are ${name}.`,
    })),
    handoffs: s.edges.map(([source, target]) => ({ source, target })),
    termination: { maxHandoffsPerTurn: 10_000 },
    defaults: { model: 'gpt-test' },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

/**
 * Counts the bytes (JSON) written to the store: `bytes` for the checkpoints (run record, item log,
 * checkpoint states), `eventBytes` for the event log (the timeline), kept apart.
 */
class CountingStore extends MemoryCheckpointStore {
  bytes = 0;
  eventBytes = 0;
  override async putRun(...args: Parameters<CheckpointStore['putRun']>) {
    this.bytes += JSON.stringify(args[0]).length;
    return super.putRun(...args);
  }
  override async putItems(...args: Parameters<CheckpointStore['putItems']>) {
    this.bytes += JSON.stringify(args[2]).length;
    return super.putItems(...args);
  }
  override async putEvents(...args: Parameters<CheckpointStore['putEvents']>) {
    this.eventBytes += JSON.stringify(args[1]).length;
    return super.putEvents(...args);
  }
  override async putCheckpoint(...args: Parameters<CheckpointStore['putCheckpoint']>) {
    this.bytes += JSON.stringify(args[0]).length;
    return super.putCheckpoint(...args);
  }
}

interface Measured {
  ms: number;
  calls: number;
  bodies: ChatRequestBody[];
  peakHeapMB: number;
  checkpointBytes?: number;
  eventBytes?: number;
  transcriptBytes?: number;
}

/** Runs `fn` after a full GC (outside the timing), sampling the heap; wall time in `ms`. */
async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; peakMB: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  try {
    const start = performance.now();
    const value = await fn();
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { value, ms, peakMB: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

async function runOurs(
  s: Scenario,
  server: OpenAIServer,
  state: { remaining: number },
): Promise<Measured> {
  const doc = workflowOf(s);
  const provider = createOpenAIProvider({
    apiKey: 'bench',
    baseURL: server.baseURL,
    maxRetries: 0,
  });
  state.remaining = s.handoffs;
  const before = server.requests.length;
  const store = new CountingStore();
  const { value, ms, peakMB } = await measured(async () => {
    const handle = startRun({ document: doc, provider, input: 'go', store });
    handle.subscribe((event) => {
      if (event.type === 'input_requested') handle.suspend();
    });
    const outcome = await handle.done;
    if (outcome.status !== 'paused') throw new Error(`ours: ${JSON.stringify(outcome)}`);
    return handle.runId;
  });
  const record = await store.getRun(value);
  const items = await store.getItems(value, record!.itemCount);
  const bodies = server.requests.slice(before).map((r) => r.body!);
  return {
    ms,
    calls: bodies.length,
    bodies,
    peakHeapMB: peakMB,
    checkpointBytes: store.bytes,
    eventBytes: store.eventBytes,
    transcriptBytes: JSON.stringify(items).length,
  };
}

async function runAgentsSdk(
  s: Scenario,
  server: OpenAIServer,
  state: { remaining: number },
): Promise<Measured> {
  const client = new OpenAI({ apiKey: 'bench', baseURL: server.baseURL, maxRetries: 0 });
  const model = new OpenAIChatCompletionsModel(client, 'gpt-test');
  const agents = new Map(
    s.agents.map((name) => [name, new Agent({ name, instructions: `You are ${name}.`, model })]),
  );
  for (const [source, target] of s.edges) agents.get(source)!.handoffs.push(agents.get(target)!);
  state.remaining = s.handoffs;
  const before = server.requests.length;
  const { ms, peakMB } = await measured(() =>
    run(agents.get(s.agents[0]!)!, 'go', { maxTurns: s.handoffs + 10 }),
  );
  const bodies = server.requests.slice(before).map((r) => r.body!);
  return { ms, calls: bodies.length, bodies, peakHeapMB: peakMB };
}

/** Sends the same bodies with plain fetch, reading each answer to its end. */
async function bareLoop(
  server: OpenAIServer,
  bodies: ChatRequestBody[],
  state: { remaining: number },
  handoffs: number,
): Promise<number> {
  state.remaining = handoffs;
  const start = performance.now();
  for (const body of bodies) {
    const response = await fetch(`${server.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      body: JSON.stringify(body),
    });
    await response.text();
  }
  return performance.now() - start;
}

/** Sends the same bodies through the openai SDK itself (streamed when they were), draining each. */
async function sdkLoop(
  server: OpenAIServer,
  bodies: ChatRequestBody[],
  state: { remaining: number },
  handoffs: number,
): Promise<number> {
  const client = new OpenAI({ apiKey: 'bench', baseURL: server.baseURL, maxRetries: 0 });
  state.remaining = handoffs;
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  for (const body of bodies) {
    const params = body as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming;
    if (body.stream) {
      const stream = await client.chat.completions.create({ ...params, stream: true });
      for await (const _chunk of stream) {
        // drain
      }
    } else {
      await client.chat.completions.create({ ...params, stream: false });
    }
  }
  return performance.now() - start;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchEngine(): Promise<void> {
  console.log('\n## Engine: this engine vs @openai/agents 0.14.3 (zero-latency local server)\n');
  setTracingDisabled(true);
  const state = { remaining: 0 };
  const server = await startOpenAIServer({ handler: modelFor(state) });
  const rows: Array<Record<string, string | number>> = [];
  const perCall: Record<string, number> = {};
  try {
    for (const s of SCENARIOS) {
      const repeats = s.handoffs >= 500 ? 3 : 9;
      for (const [label, runner] of [
        ['handoff-studio', runOurs],
        ['@openai/agents', runAgentsSdk],
      ] as const) {
        await runner(s, server, state); // warm-up
        const runs: Measured[] = [];
        const bare: number[] = [];
        const sdk: number[] = [];
        for (let i = 0; i < repeats; i++) {
          server.requests.length = 0;
          const m = await runner(s, server, state);
          runs.push(m);
          bare.push(await bareLoop(server, m.bodies, state, s.handoffs));
          sdk.push(await sdkLoop(server, m.bodies, state, s.handoffs));
        }
        server.requests.length = 0;
        const m = runs[0]!;
        const wall = median(runs.map((r) => r.ms)) / m.calls;
        const fetchOnly = median(bare) / m.calls;
        const overhead = wall - fetchOnly;
        const sdkOnly = median(sdk) / m.calls;
        perCall[`${label} ${s.name}`] = overhead;
        rows.push({
          scenario: s.name,
          engine: label,
          'model calls': m.calls,
          'ms/call': wall.toFixed(3),
          'bare fetch ms/call': fetchOnly.toFixed(3),
          'overhead ms/call': overhead.toFixed(3),
          'SDK loop ms/call': sdkOnly.toFixed(3),
          'over SDK ms/call': (wall - sdkOnly).toFixed(3),
          'peak heap MB': median(runs.map((r) => r.peakHeapMB)).toFixed(1),
          'checkpoint KB':
            m.checkpointBytes === undefined ? '-' : (m.checkpointBytes / 1024).toFixed(1),
          'event log KB': m.eventBytes === undefined ? '-' : (m.eventBytes / 1024).toFixed(1),
          'transcript KB':
            m.transcriptBytes === undefined ? '-' : (m.transcriptBytes / 1024).toFixed(1),
        });
      }
    }
  } finally {
    await server.close();
  }
  table(rows);
  const ours = (name: string) => perCall[`handoff-studio ${name}`]!;
  const c = rows.find((r) => r.scenario === '(c) ping-pong 500' && r.engine === 'handoff-studio');
  const cpRatio = c ? Number(c['checkpoint KB']) / Number(c['transcript KB']) : undefined;
  console.log(
    '\noverhead = ms/call − bare fetch ms/call (plain fetch replaying the same request bodies);\n' +
      "over SDK = ms/call − the openai SDK alone replaying the same bodies (the engine's own work).",
  );
  console.log(
    `targets: overhead ≤ 0.10 ms/call on (a) [${ours('(a) chain of 5').toFixed(3)}], ≤ 0.15 on (b) ` +
      `[${ours('(b) ping-pong 50').toFixed(3)}]; (c)/(b) per-call overhead ≤ 1.5× ` +
      `[${(ours('(c) ping-pong 500') / ours('(b) ping-pong 50')).toFixed(2)}×]; checkpoint bytes (c) < 3× transcript [${(cpRatio ?? 0).toFixed(2)}×]`,
  );
}
