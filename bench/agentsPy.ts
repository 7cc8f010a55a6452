/**
 * Agents SDK (Python) benchmark (issue 15, printed, not asserted): chain-5 and ping-pong-50 run
 * through the exported agents-py program (build_agents on an AsyncOpenAI client and its
 * Conversation, driven by conformance/agentsPyDriver.py in .venv-agents) and through our engine
 * (openai provider), against the same zero-latency OpenAI-compatible test server with the same
 * scripted replies. Milliseconds per model call, median of several runs after a warm-up; the
 * Python figure times the conversation only (not importing and building the module).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureAgentsVenv, startAgentsPyDriver } from '../conformance/agentsPyDriver';
import { runEngine } from '../conformance/engineSide';
import type { PythonDriver } from '../conformance/pythonDriver';
import type { Scenario } from '../conformance/scenario';
import { startConformanceServer, type ConformanceServer } from '../conformance/server';
import { MissingPython } from '../conformance/venv';
import { exportWorkflow } from '../src/model/export';
import { chain5, pingPong50 } from './conformance';
import { table } from './measure';

const REPEATS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function measure(
  scenario: Scenario,
  server: ConformanceServer,
  driver: PythonDriver,
  module: string,
): Promise<{ calls: number; engine: number; sdk: number }> {
  const instructions = Object.fromEntries(scenario.doc.agents.map((a) => [a.name, a.instructions]));
  let session = 0;
  const open = () => {
    const id = `bench-agents-py-${scenario.name}-${session++}`;
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
    const sdk = await driver.run({ module, baseURL: open().url, opening: scenario.opening });
    const end = sdk.events.at(-1);
    if (end?.t !== 'end' || end.how !== 'paused' || sdk.modelCalls !== calls) {
      throw new Error(`agents-py: ${JSON.stringify(end)} after ${sdk.modelCalls} calls`);
    }
    if (i === 0) continue; // warm-up
    engineMs.push(engine.ms);
    sdkMs.push(sdk.ms);
  }
  return { calls, engine: median(engineMs) / calls, sdk: median(sdkMs) / calls };
}

/** Prints ms per model call for the agents-py program and the engine on chain-5 and ping-pong-50. */
export async function benchAgentsPy(): Promise<void> {
  console.log(
    '\n## Exported Agents SDK Python vs this engine (zero-latency local server, same replies)\n',
  );
  let python: string;
  try {
    python = ensureAgentsVenv(resolve(import.meta.dirname, '..'), (line) => console.error(line));
  } catch (error) {
    if (!(error instanceof MissingPython)) throw error;
    console.log(`not measured: ${error.message}`);
    return;
  }
  const server = await startConformanceServer();
  const driver = await startAgentsPyDriver(python);
  const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-agents-py-'));
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const scenario of [chain5(), pingPong50()]) {
      const module = join(dir, `${scenario.doc.name}.py`);
      writeFileSync(module, exportWorkflow(scenario.doc, 'agents-py'));
      const m = await measure(scenario, server, driver, module);
      rows.push({
        scenario: scenario.name,
        'model calls': m.calls,
        'Agents SDK Python ms/call': m.sdk.toFixed(3),
        'engine ms/call': m.engine.toFixed(3),
        'SDK / engine': (m.sdk / m.engine).toFixed(1),
      });
    }
  } finally {
    driver.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  table(rows);
  console.log(
    `\nMedian of ${REPEATS} runs after a warm-up. The engine streams every reply and writes its` +
      '\ncheckpoints (in memory); the exported program calls Runner.run (no streaming) and keeps none.',
  );
}
