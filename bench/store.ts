/**
 * `npm run bench -- store`: a run of 200 and of 2,000 handoffs through the CLI's file store —
 * peak heap, RSS, the store's bytes and files, and the time a resume takes to find its latest
 * checkpoint. Figures only, never asserted (issue 13: memory and store size grow linearly).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRun, type ModelProvider } from '../src/engine';
import { parseWorkflow, type Workflow } from '../src/model';
import { FileCheckpointStore } from '../src/storage/fileStore';
import { table } from './measure';

const SIZES = [200, 2_000];

function document(handoffs: number): Workflow {
  const agent = (name: string) => ({
    name,
    description: `The ${name} desk.`,
    instructions: `You are ${name}; hand the request on.`,
  });
  const parsed = parseWorkflow({
    format: 'handoff-workflow',
    version: 1,
    name: 'bench_store',
    startAgent: 'ping',
    agents: [agent('ping'), agent('pong')],
    handoffs: [
      { source: 'ping', target: 'pong' },
      { source: 'pong', target: 'ping' },
    ],
    tools: [],
    termination: { keywords: ['all done'], maxHandoffsPerTurn: handoffs + 10 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.doc;
}

/** Hands off to the other agent `handoffs` times, then ends the run. */
function pingPong(handoffs: number): ModelProvider {
  let left = handoffs;
  return {
    id: 'bench',
    complete: (request) => {
      if (left-- <= 0) return Promise.resolve({ text: 'All done.', toolCalls: [] });
      const to = request.agent === 'ping' ? 'pong' : 'ping';
      return Promise.resolve({
        text: `Over to ${to}.`,
        toolCalls: [{ id: `call_${left}`, name: `handoff_to_${to}`, arguments: '{}' }],
      });
    },
  };
}

function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (!stat.isFile()) continue;
    bytes += stat.size;
    files++;
  }
  return { bytes, files };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function benchStore(): Promise<void> {
  console.log('\n## File store: a long run (npm run bench -- store)');
  const rows: Array<Record<string, string | number>> = [];
  for (const handoffs of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'hs-bench-store-'));
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peakHeap = heapBefore;
    const sampler = setInterval(() => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }, 5);
    const store = new FileCheckpointStore(dir);
    const started = performance.now();
    const handle = startRun({
      document: document(handoffs),
      provider: pingPong(handoffs),
      input: 'Start the relay.',
      store,
    });
    const outcome = await handle.done;
    const runMs = performance.now() - started;
    clearInterval(sampler);
    store.close();
    const reader = new FileCheckpointStore(dir);
    const listed = performance.now();
    const checkpoints = (await reader.listCheckpoints(handle.runId)).length;
    const listMs = performance.now() - listed;
    const { bytes, files } = sizeOf(dir);
    rows.push({
      handoffs,
      outcome: outcome.status,
      'run time': `${(runMs / 1000).toFixed(1)} s`,
      'peak heap growth': mb(peakHeap - heapBefore),
      rss: mb(process.memoryUsage().rss),
      'store bytes': mb(bytes),
      files,
      checkpoints,
      'list checkpoints': `${listMs.toFixed(0)} ms`,
    });
    rmSync(dir, { recursive: true, force: true });
  }
  table(rows);
}
