/**
 * `npm run bench -- tests`: routing-test suites (docs/spec/tests.md) on the openai provider
 * against the zero-latency local server (test/support/routingServer.ts). 50 cases × 20 samples:
 * samples per second (one at a time and eight at a time), the overhead of a suite sample over a
 * single plain run of the same conversation, and the heap after 100, 500 and 1,000 samples.
 * Figures only; nothing is asserted.
 */
import { performance } from 'node:perf_hooks';
import { startRun, type ModelProvider } from '../src/engine';
import { parseWorkflow, type TestCase, type Workflow } from '../src/model';
import { createOpenAIProvider } from '../src/providers/openai';
import { runSuite } from '../src/routing';
import { startRoutingServer, type RouteRule } from '../test/support/routingServer';
import { table } from './measure';

const CASES = 50;
const SAMPLES = 20;
const SPECIALISTS = ['refund', 'order', 'returns', 'billing', 'tech'];

function benchDoc(): Workflow {
  const tests: TestCase[] = Array.from({ length: CASES }, (_, i) => ({
    id: `case-${i}`,
    name: `topic ${i}`,
    turns: [`question about topic ${i}.`],
    expect: { route: `triage > ${SPECIALISTS[i % SPECIALISTS.length]}`, maxModelCalls: 2 },
    passRate: 50,
  }));
  const result = parseWorkflow({
    format: 'handoff-workflow',
    version: 1,
    name: 'routing_bench',
    startAgent: 'triage',
    agents: ['triage', ...SPECIALISTS].map((name) => ({
      name,
      description: `The ${name} agent.`,
      instructions: `You are ${name}.`,
    })),
    handoffs: SPECIALISTS.map((target) => ({ source: 'triage', target })),
    defaults: { model: 'gpt-test' },
    tests,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

const rules: RouteRule[] = Array.from({ length: CASES }, (_, i) => ({
  when: `topic ${i}.`,
  to: SPECIALISTS[i % SPECIALISTS.length]!,
  p: 0.8,
  otherwise: SPECIALISTS[(i + 1) % SPECIALISTS.length]!,
}));

/** Milliseconds per plain run of one case's conversation (startRun, no judging), one at a time. */
async function plainRun(doc: Workflow, provider: ModelProvider, runs = 100): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const handle = startRun({
      document: doc,
      provider,
      input: `question about topic ${i % CASES}.`,
    });
    handle.subscribe((event) => {
      if (event.type === 'input_requested') handle.suspend();
    });
    await handle.done;
  }
  return (performance.now() - start) / runs;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapMB = () => process.memoryUsage().heapUsed / 1024 / 1024;

export async function benchRouting(): Promise<void> {
  console.log(`\n## Routing tests: ${CASES} cases × ${SAMPLES} samples, zero-latency server\n`);
  const doc = benchDoc();
  const routing = await startRoutingServer({ seed: 14, rules });
  const provider = createOpenAIProvider({
    apiKey: 'bench',
    baseURL: routing.server.baseURL,
    model: 'gpt-test',
    maxRetries: 0,
  });
  try {
    // Warm up the HTTP connection and the JIT.
    await runSuite(doc, { provider, samples: 1, caseIds: ['case-0', 'case-1', 'case-2'] });

    const plainMs = [await plainRun(doc, provider)];
    const rows: Array<Record<string, string | number>> = [];
    for (const concurrency of [1, 8]) {
      const heap: Record<number, number> = {};
      gc();
      const base = heapMB();
      const start = performance.now();
      const result = await runSuite(doc, {
        provider,
        samples: SAMPLES,
        concurrency,
        onSample: (_sample, progress) => {
          // The test server records every request; that is the harness's memory, not the suite's.
          routing.server.requests.length = 0;
          if (progress.done === 100 || progress.done === 500 || progress.done === 1000) {
            gc();
            heap[progress.done] = heapMB() - base;
          }
        },
      });
      const ms = performance.now() - start;
      const n = result.samples.length;
      if (concurrency === 1) plainMs.push(await plainRun(doc, provider));
      const plain = (plainMs[0]! + plainMs[1]!) / 2;
      rows.push({
        concurrency,
        samples: n,
        'samples/s': (n / (ms / 1000)).toFixed(0),
        'ms/sample': (ms / n).toFixed(2),
        'plain run ms': plain.toFixed(2),
        'overhead ms/sample': concurrency === 1 ? (ms / n - plain).toFixed(2) : '—',
        'heap +MB @100': heap[100]?.toFixed(1) ?? '—',
        '@500': heap[500]?.toFixed(1) ?? '—',
        '@1000': heap[1000]?.toFixed(1) ?? '—',
        'cases ok': `${result.cases.filter((c) => c.ok).length}/${result.cases.length}`,
        'result bytes/sample': Math.round(JSON.stringify(result.samples).length / n),
      });
    }
    table(rows);
    console.log(
      '\nplain run: startRun of the same conversation, one at a time, no judging (before and ' +
        'after the sequential suite, averaged). heap: used heap after a full GC, relative to the ' +
        'start of the suite; the suite keeps every judged sample (JSON size per sample in the ' +
        'last column), never its events or runs (kept only in a store when one is given).',
    );
  } finally {
    await routing.server.close();
  }
}
