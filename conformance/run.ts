/**
 * `npm run conformance`: proof that the exported Python runs on the real Agent Framework and routes
 * like the in-app run. For each scenario the same scripted model replies are served to the engine
 * (openai provider) and to the exported module (built with build_workflow on an
 * OpenAIChatCompletionClient), and their traces are compared step by step, then the model input
 * and the order of events within each reply. Prints one line per
 * scenario and `N passed, M failed`; exit code 1 when any failed, 2 when it could not run.
 *
 *   npm run conformance [-- --verbose] [-- NAME_FILTER]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportWorkflow } from '../src/model/export';
import { handoffTools } from './compare';
import { INPUT_RULES } from './modelInput';
import { PythonDriver } from './pythonDriver';
import { afReplies, engineReplies, ORDER_RULE, renderReply } from './replyOrder';
import type { Observed, Scenario } from './scenario';
import { SCENARIOS } from './scenarios';
import { startConformanceServer, type ConformanceServer } from './server';
import { runEngine } from './engineSide';
import { afResumeProblems, engineResumeProblems } from './resume';
import { afSteps, engineSteps, render } from './trace';
import { terminalChecks } from './terminal';
import { ensureVenv, MissingPython } from './venv';
import { verdictOf, type Verdict } from './verdict';

const ROOT = resolve(import.meta.dirname, '..');

async function runScenario(
  scenario: Scenario,
  index: number,
  server: ConformanceServer,
  driver: PythonDriver,
  dir: string,
): Promise<Verdict & { observed: Observed }> {
  const { doc, script } = scenario;
  const module = join(dir, `scenario_${index}.py`);
  writeFileSync(module, exportWorkflow(doc, 'python'));
  const instructions = Object.fromEntries(doc.agents.map((a) => [a.name, a.instructions]));
  const engineId = `s${index}-engine`;
  const afId = `s${index}-af`;
  const [engine, af] = await Promise.all([
    runEngine(
      doc,
      server.open(engineId, instructions, script),
      scenario.opening,
      { inputs: scenario.inputs ?? [], decisions: scenario.decisions ?? [] },
      scenario.resumes,
    ),
    driver.run({
      module,
      baseURL: server.open(afId, instructions, script),
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
    af: afSteps(af.events, isHandoff),
    engineRequests: server.session(engineId).bodies,
    afRequests: server.session(afId).bodies,
    engineReplies: engineReplies(engine.events),
    afReplies: afReplies(af.events),
  };
  const problems = [
    ...server.session(engineId).problems.map((p) => `engine side: ${p}`),
    ...server.session(afId).problems.map((p) => `AF side: ${p}`),
    ...engineResumeProblems(engine).map((p) => `engine side: ${p}`),
    ...afResumeProblems(af.events).map((p) => `AF side: ${p}`),
  ];
  return { ...verdictOf(scenario, observed, problems), observed };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const filter = args.find((a) => !a.startsWith('--'));
  let python: string;
  try {
    python = ensureVenv(ROOT, (line) => console.error(`conformance: ${line}`));
  } catch (error) {
    if (!(error instanceof MissingPython)) throw error;
    console.error(`conformance FAILED: ${error.message}`);
    return 1;
  }
  const started = performance.now();
  const scenarios = SCENARIOS.filter((s) => !filter || s.name.includes(filter));
  const server = await startConformanceServer();
  const driver = await PythonDriver.start(python);
  const dir = mkdtempSync(join(tmpdir(), 'handoff-conformance-'));
  console.log(
    'Conformance: the exported Python on Agent Framework vs the engine, same scripted replies.\n' +
      'Compared step by step: agents answering, tool calls and results, handoffs, input and\n' +
      'approval requests, the end; then what each model call was given, and the order of\n' +
      'the events within each reply. Documented rules:\n' +
      '- AF ends a run idle, without a reason: idle = completed by a termination condition or\n' +
      '  a terminal agent\n' +
      `- ${ORDER_RULE}\n` +
      INPUT_RULES.map((rule) => `- ${rule}\n`).join(''),
  );
  let passed = 0;
  let failed = 0;
  try {
    for (const [i, scenario] of scenarios.entries()) {
      const verdict = await runScenario(scenario, i, server, driver, dir);
      console.log(verdict.line);
      if (verdict.ok) passed++;
      else failed++;
      if (verbose || !verdict.ok) {
        const { engine, af } = verdict.observed;
        console.log(`    engine trace:\n${engine.map((s) => `      ${render(s)}`).join('\n')}`);
        console.log(`    AF trace:\n${af.map((s) => `      ${render(s)}`).join('\n')}`);
        const { engineReplies: er, afReplies: ar } = verdict.observed;
        console.log(`    engine replies:\n${er.map((r) => `      ${renderReply(r)}`).join('\n')}`);
        console.log(`    AF replies:\n${ar.map((r) => `      ${renderReply(r)}`).join('\n')}`);
      }
    }
    if (!filter) {
      console.log('\nThe exported module run as a program (its terminal driver):');
      for (const check of await terminalChecks(python, server, dir)) {
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

process.exitCode = await main();
