/**
 * Conformance benchmark (issue 7, printed, not asserted): chain-5 and ping-pong-50 run through the
 * exported Agent Framework Python program (build_workflow on OpenAIChatCompletionClient, driven
 * by conformance/driver.py) and through our engine (openai provider), against the same
 * zero-latency OpenAI-compatible test server with the same scripted replies. Milliseconds per
 * model call, median of several runs, after a warm-up; the Python figure times the run only (not
 * importing and building the module).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runEngine } from '../conformance/engineSide';
import { PythonDriver } from '../conformance/pythonDriver';
import { handoff, say, workflow, type Scenario } from '../conformance/scenario';
import { startConformanceServer, type ConformanceServer } from '../conformance/server';
import { ensureVenv, MissingPython } from '../conformance/venv';
import { exportWorkflow } from '../src/model/export';
import { table } from './measure';

const REPEATS = 7;

/** A chain of five agents, each handing on once; the last answers. */
export function chain5(): Scenario {
  const agents = ['a1', 'a2', 'a3', 'a4', 'a5'];
  return {
    name: 'chain-5',
    doc: workflow({
      name: 'chain_5',
      agents,
      handoffs: agents.slice(1).map((target, i) => [agents[i]!, target] as [string, string]),
    }),
    opening: 'go',
    script: {
      ...Object.fromEntries(agents.slice(0, -1).map((a, i) => [a, [handoff(agents[i + 1]!)]])),
      a5: [say('All done here.')],
    },
  };
}

/** Two agents handing the conversation to and fro 50 times; then one answers. */
export function pingPong50(): Scenario {
  return {
    name: 'ping-pong-50',
    doc: workflow({
      name: 'ping_pong_50',
      agents: ['ping', 'pong'],
      handoffs: [
        ['ping', 'pong'],
        ['pong', 'ping'],
      ],
      termination: { maxHandoffsPerTurn: 1000 },
    }),
    opening: 'go',
    script: {
      ping: [...Array.from({ length: 25 }, () => handoff('pong')), say('All done here.')],
      pong: Array.from({ length: 25 }, () => handoff('ping')),
    },
  };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function measure(
  scenario: Scenario,
  server: ConformanceServer,
  driver: PythonDriver,
  module: string,
): Promise<{ calls: number; engine: number; af: number }> {
  const instructions = Object.fromEntries(scenario.doc.agents.map((a) => [a.name, a.instructions]));
  let session = 0;
  const open = () => {
    const id = `bench-${scenario.name}-${session++}`;
    return { id, url: server.open(id, instructions, scenario.script) };
  };
  const engineMs: number[] = [];
  const afMs: number[] = [];
  let calls = 0;
  for (let i = 0; i <= REPEATS; i++) {
    const ours = open();
    const engine = await runEngine(scenario.doc, ours.url, scenario.opening);
    if (engine.outcome !== 'paused') throw new Error(`engine: ${engine.outcome}`);
    calls = server.session(ours.id).log.length;
    const af = await driver.run({ module, baseURL: open().url, opening: scenario.opening });
    const end = af.events.at(-1);
    if (end?.t !== 'end' || end.how !== 'paused' || af.modelCalls !== calls) {
      throw new Error(`AF: ${JSON.stringify(end)} after ${af.modelCalls} calls`);
    }
    if (i === 0) continue; // warm-up
    engineMs.push(engine.ms);
    afMs.push(af.ms);
  }
  return { calls, engine: median(engineMs) / calls, af: median(afMs) / calls };
}

/** Prints ms per model call for both runtimes on chain-5 and ping-pong-50. */
export async function benchConformance(): Promise<void> {
  console.log(
    '\n## Exported Agent Framework Python vs this engine (zero-latency local server, same replies)\n',
  );
  let python: string;
  try {
    python = ensureVenv(resolve(import.meta.dirname, '..'), (line) => console.error(line));
  } catch (error) {
    if (!(error instanceof MissingPython)) throw error;
    console.log(`not measured: ${error.message}`);
    return;
  }
  const server = await startConformanceServer();
  const driver = await PythonDriver.start(python);
  const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-'));
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const scenario of [chain5(), pingPong50()]) {
      const module = join(dir, `${scenario.doc.name}.py`);
      writeFileSync(module, exportWorkflow(scenario.doc, 'python'));
      const m = await measure(scenario, server, driver, module);
      rows.push({
        scenario: scenario.name,
        'model calls': m.calls,
        'AF Python ms/call': m.af.toFixed(3),
        'engine ms/call': m.engine.toFixed(3),
        'AF / engine': (m.af / m.engine).toFixed(1),
      });
    }
  } finally {
    driver.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  table(rows);
  console.log(
    `\nMedian of ${REPEATS} runs after a warm-up. Both sides stream every reply from the same server;` +
      '\nthe engine also writes its checkpoints (in memory), AF keeps no checkpoints.',
  );
}
