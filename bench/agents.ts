/**
 * Agents SDK benchmark (issue 15, printed, not asserted): chain-5 and ping-pong-50 run through the
 * exported Agents SDK TypeScript program (`--to agents-ts`: runConversation() on the real
 * @openai/agents, conformance/agentsTsDriver.ts) and through our engine (openai provider), against
 * the same zero-latency OpenAI-compatible test server with the same scripted replies.
 * Milliseconds per model call, median of several runs after a warm-up; the SDK figure times the
 * runs only (not importing the module).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runAgentsTs } from '../conformance/agentsTsDriver';
import { runEngine } from '../conformance/engineSide';
import type { Scenario } from '../conformance/scenario';
import { startConformanceServer, type ConformanceServer } from '../conformance/server';
import { exportWorkflow } from '../src/model/export';
import { chain5, median, pingPong50 } from './conformance';
import { table } from './measure';

const REPEATS = 7;
const ROOT = resolve(import.meta.dirname, '..');

async function measure(
  scenario: Scenario,
  server: ConformanceServer,
  module: string,
): Promise<{ calls: number; engine: number; sdk: number }> {
  const instructions = Object.fromEntries(scenario.doc.agents.map((a) => [a.name, a.instructions]));
  let session = 0;
  const open = () => {
    const id = `bench-agents-${scenario.name}-${session++}`;
    return { id, url: server.open(id, instructions, scenario.script) };
  };
  const engineMs: number[] = [];
  const sdkMs: number[] = [];
  let calls = 0;
  for (let i = 0; i <= REPEATS; i++) {
    const ours = open();
    const engine = await runEngine(scenario.doc, ours.url, scenario.opening);
    if (engine.outcome !== 'paused') throw new Error(`engine: ${engine.outcome}`);
    calls = server.session(ours.id).log.length;
    const sdk = await runAgentsTs({ module, baseURL: open().url, opening: scenario.opening });
    const end = sdk.events.at(-1);
    if (end?.t !== 'end' || end.how !== 'paused' || sdk.modelCalls !== calls) {
      throw new Error(`Agents SDK: ${JSON.stringify(end)} after ${sdk.modelCalls} calls`);
    }
    if (i === 0) continue; // warm-up
    engineMs.push(engine.ms);
    sdkMs.push(sdk.ms);
  }
  return { calls, engine: median(engineMs) / calls, sdk: median(sdkMs) / calls };
}

/** Prints ms per model call for the exported TS program and the engine on chain-5 and ping-pong-50. */
export async function benchAgents(): Promise<void> {
  console.log(
    '\n## Exported Agents SDK TypeScript vs this engine (zero-latency local server, same replies)\n',
  );
  const server = await startConformanceServer();
  // Inside the project, so that the module imports the installed @openai/agents.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.tmp', 'bench-agents-'));
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const scenario of [chain5(), pingPong50()]) {
      const module = join(dir, `${scenario.doc.name}.agents.ts`);
      writeFileSync(module, exportWorkflow(scenario.doc, 'agents-ts'));
      const m = await measure(scenario, server, module);
      rows.push({
        scenario: scenario.name,
        'model calls': m.calls,
        'Agents SDK TS ms/call': m.sdk.toFixed(3),
        'engine ms/call': m.engine.toFixed(3),
        'SDK / engine': (m.sdk / m.engine).toFixed(1),
      });
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  table(rows);
  console.log(
    `\nMedian of ${REPEATS} runs after a warm-up. Both stream every reply from the same server (Chat` +
      '\nCompletions); the engine also writes its checkpoints (in memory), the SDK program keeps none.',
  );
}
