/**
 * The agents-py side of conformance, on its own: every scenario run on the engine and on the
 * exported `agents-py` module (the real OpenAI Agents SDK in `.venv-agents`), with the same scripted
 * replies, compared step by step, then what each model call was given and the order within each
 * reply. Differences the export documents are asserted per scenario (agentsPyDocumented.ts).
 *
 *   npx tsx conformance/agentsPyRun.ts [--verbose] [NAME_FILTER]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportWorkflow } from '../src/model/export';
import { ensureAgentsVenv, startAgentsPyDriver } from './agentsPyDriver';
import { agentsPyTerminalChecks } from './agentsPyTerminal';
import { agentsPyScenario, AGENTS_PY_RULES, withoutAuthorNames } from './agentsPyDocumented';
import { handoffTools } from './compare';
import { runEngine } from './engineSide';
import type { PythonDriver } from './pythonDriver';
import { afReplies, engineReplies, renderReply } from './replyOrder';
import { afResumeProblems, engineResumeProblems } from './resume';
import type { Observed, Scenario } from './scenario';
import { SCENARIOS } from './scenarios';
import { startConformanceServer, type ConformanceServer } from './server';
import { afSteps, engineSteps, render, type DriverEvent } from './trace';
import type { RunEvent } from '../src/engine';
import { MissingPython } from './venv';
import { verdictOf, type Verdict } from './verdict';

const ROOT = resolve(import.meta.dirname, '..');

/** Runs one scenario on the engine and the agents-py side; the verdict uses the SDK's rules. */
export async function runAgentsPyScenario(
  original: Scenario,
  index: number,
  server: ConformanceServer,
  driver: PythonDriver,
  dir: string,
): Promise<Verdict & { observed: Observed }> {
  const scenario = agentsPyScenario(original);
  const { doc, script } = scenario;
  const module = join(dir, `agents_scenario_${index}.py`);
  writeFileSync(module, exportWorkflow(doc, 'agents-py'));
  const instructions = Object.fromEntries(doc.agents.map((a) => [a.name, a.instructions]));
  const engineId = `s${index}-engine-agpy`;
  const sideId = `s${index}-agents-py`;
  const [engine, side] = await Promise.all([
    runEngine(
      doc,
      server.open(engineId, instructions, script),
      scenario.opening,
      { inputs: scenario.inputs ?? [], decisions: scenario.decisions ?? [] },
      scenario.resumes,
    ),
    driver.run({
      module,
      baseURL: server.open(sideId, instructions, script),
      opening: scenario.opening,
      inputs: scenario.inputs ?? [],
      decisions: scenario.decisions ?? [],
      resumes: scenario.resumes ?? [],
      timeoutSeconds: 60,
    }),
  ]);
  const isHandoff = handoffTools(doc);
  const observed: Observed = {
    engine: engineSteps(engine.events, engine.outcome, isHandoff),
    af: afSteps(side.events, isHandoff),
    engineRequests: withoutAuthorNames(server.session(engineId).bodies),
    afRequests: server.session(sideId).bodies,
    engineReplies: engineReplies(engine.events),
    afReplies: afReplies(side.events),
  };
  const problems = [
    ...server.session(engineId).problems.map((p) => `engine side: ${p}`),
    ...server.session(sideId).problems.map((p) => `agents-py side: ${p}`),
    ...engineResumeProblems(engine).map((p) => `engine side: ${p}`),
    ...afResumeProblems(side.events).map((p) => `agents-py side: ${p}`),
    ...endReasonProblems(engine.events, side.events),
  ];
  return { ...verdictOf(scenario, observed, problems), observed };
}

/**
 * The SDK has no end of its own: the export's Conversation reports the engine's reasons, so they
 * must be the same (the step comparison maps AF's reasonless idle only).
 */
function endReasonProblems(engine: readonly RunEvent[], side: readonly DriverEvent[]): string[] {
  const completed = engine.findLast((e) => e.type === 'completed');
  const end = side.findLast((e) => e.t === 'end');
  const engineReason = completed?.type === 'completed' ? completed.reason : undefined;
  // agentsPyDriver.py adds the Conversation's reason to the driver protocol's end event.
  const sideReason = end?.t === 'end' ? (end as { reason?: string }).reason : undefined;
  return engineReason === sideReason
    ? []
    : [
        `the run ended with ${String(engineReason)} on the engine, ${String(sideReason)} on agents-py`,
      ];
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const filter = args.find((a) => !a.startsWith('--'));
  let python: string;
  try {
    python = ensureAgentsVenv(ROOT, (line) => console.error(`conformance: ${line}`));
  } catch (error) {
    if (!(error instanceof MissingPython)) throw error;
    console.error(`conformance FAILED: ${error.message}`);
    return 1;
  }
  const started = performance.now();
  const scenarios = SCENARIOS.filter((s) => !filter || s.name.includes(filter));
  const server = await startConformanceServer();
  const driver = await startAgentsPyDriver(python);
  const dir = mkdtempSync(join(tmpdir(), 'handoff-agents-py-'));
  console.log(
    'Conformance, agents-py side: the exported module on the OpenAI Agents SDK (Python) vs the\n' +
      'engine, same scripted replies (in the lines below "AF" is this side). Rules:\n' +
      AGENTS_PY_RULES.map((rule) => `- ${rule}\n`).join(''),
  );
  let passed = 0;
  let failed = 0;
  try {
    for (const [i, scenario] of scenarios.entries()) {
      const verdict = await runAgentsPyScenario(scenario, i, server, driver, dir);
      console.log(verdict.line);
      if (verdict.ok) passed++;
      else failed++;
      if (verbose || !verdict.ok) {
        const { engine, af, engineReplies: er, afReplies: ar } = verdict.observed;
        console.log(`    engine trace:\n${engine.map((s) => `      ${render(s)}`).join('\n')}`);
        console.log(`    agents-py trace:\n${af.map((s) => `      ${render(s)}`).join('\n')}`);
        if (verbose) {
          console.log(
            `    engine replies:\n${er.map((r) => `      ${renderReply(r)}`).join('\n')}`,
          );
          console.log(
            `    agents-py replies:\n${ar.map((r) => `      ${renderReply(r)}`).join('\n')}`,
          );
        }
      }
    }
    if (!filter) {
      console.log('\nThe exported agents-py module run as a program (its terminal driver):');
      for (const check of await agentsPyTerminalChecks(python, server, dir)) {
        console.log(check.line);
        if (check.ok) passed++;
        else failed++;
      }
    }
  } finally {
    driver.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${passed} passed, ${failed} failed (${seconds} s)`);
  return failed > 0 || scenarios.length === 0 ? 1 : 0;
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === resolve(import.meta.dirname, 'agentsPyRun.ts')
) {
  process.exitCode = await main();
}
