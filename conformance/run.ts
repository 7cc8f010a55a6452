/**
 * `npm run conformance`: proof that each export runs on its real framework and routes like the
 * in-app run. For each scenario the same scripted model replies are served to the engine (openai
 * provider) and to every side (side.ts: the exported module on its framework), each on its own
 * session of the conformance server, and each side's trace is compared with the engine's step by
 * step, then the model input and the order of events within each reply, with that side's
 * documented rules and differences. Prints one line per scenario and side and `N passed, M
 * failed`; exit code 1 when any failed.
 *
 *   npm run conformance [-- --verbose] [-- --side af|agents-ts …] [-- --markdown] [-- NAME_FILTER]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEngine, type EngineRun } from './engineSide';
import { engineReplies, renderReply } from './replyOrder';
import { engineResumeProblems } from './resume';
import type { Scenario } from './scenario';
import { SCENARIOS } from './scenarios';
import { startConformanceServer, type ConformanceServer } from './server';
import type { Side, SideContext } from './side';
import { SIDE_NAMES, startSides } from './sides';
import { resultsTable } from './table';
import { engineSteps, render } from './trace';
import { handoffTools } from './compare';
import { verdictOf, type Verdict } from './verdict';

interface Options {
  verbose: boolean;
  markdown: boolean;
  sides: string[];
  filter: string | undefined;
}

function parseOptions(args: readonly string[]): Options {
  const sides: string[] = [];
  let filter: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--side') sides.push(...(args[++i] ?? '').split(','));
    else if (arg.startsWith('--side=')) sides.push(...arg.slice(7).split(','));
    else if (!arg.startsWith('--')) filter = arg;
  }
  return {
    verbose: args.includes('--verbose'),
    markdown: args.includes('--markdown'),
    sides: sides.length ? sides : [...SIDE_NAMES],
    filter,
  };
}

async function runScenario(
  scenario: Scenario,
  index: number,
  sides: readonly Side[],
  context: SideContext,
  verbose: boolean,
): Promise<Verdict[]> {
  const { doc, script } = scenario;
  const { server } = context;
  const instructions = Object.fromEntries(doc.agents.map((a) => [a.name, a.instructions]));
  const engineId = `s${index}-engine`;
  const sideId = (side: Side) => `s${index}-${side.name}`;
  const [engine, ...runs] = await Promise.all([
    runEngine(
      doc,
      server.open(engineId, instructions, script),
      scenario.opening,
      { inputs: scenario.inputs ?? [], decisions: scenario.decisions ?? [] },
      scenario.resumes,
    ),
    ...sides.map((side) =>
      side.run(scenario, index, server.open(sideId(side), instructions, script), context),
    ),
  ]);
  const isHandoff = handoffTools(doc);
  const engineTrace = engineSteps(engine.events, engine.outcome, isHandoff);
  return sides.map((side, k) => {
    const run = runs[k]!;
    const observed = {
      engine: engineTrace,
      side: run.steps,
      engineRequests: server.session(engineId).bodies,
      sideRequests: server.session(sideId(side)).bodies,
      engineReplies: engineReplies(engine.events),
      sideReplies: run.replies,
      endOf: side.endOf,
    };
    const problems = [
      ...engineProblems(server, engineId, engine),
      ...server.session(sideId(side)).problems.map((p) => `${side.label} side: ${p}`),
      ...run.problems.map((p) => `${side.label} side: ${p}`),
    ];
    const verdict = verdictOf(scenario, side, observed, problems);
    return !verdict.ok || verbose
      ? { ...verdict, line: `${verdict.line}\n${details(observed, side.label)}` }
      : verdict;
  });
}

function engineProblems(server: ConformanceServer, id: string, engine: EngineRun): string[] {
  return [...server.session(id).problems, ...engineResumeProblems(engine)].map(
    (p) => `engine side: ${p}`,
  );
}

function details(
  observed: {
    engine: ReturnType<typeof engineSteps>;
    side: ReturnType<typeof engineSteps>;
    engineReplies: ReturnType<typeof engineReplies>;
    sideReplies: ReturnType<typeof engineReplies>;
  },
  label: string,
): string {
  const list = (lines: string[]) => lines.map((l) => `      ${l}`).join('\n');
  return [
    `    engine trace:\n${list(observed.engine.map(render))}`,
    `    ${label} trace:\n${list(observed.side.map(render))}`,
    `    engine replies:\n${list(observed.engineReplies.map(renderReply))}`,
    `    ${label} replies:\n${list(observed.sideReplies.map(renderReply))}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const unknown = options.sides.filter((s) => !SIDE_NAMES.includes(s));
  if (unknown.length) {
    console.error(
      `conformance: unknown side ${unknown.join(', ')} (sides: ${SIDE_NAMES.join(', ')})`,
    );
    return 2;
  }
  let sides: Side[];
  try {
    sides = await startSides(options.sides, (line) => console.error(`conformance: ${line}`));
  } catch (error) {
    console.error(`conformance FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const started = performance.now();
  const scenarios = SCENARIOS.filter((s) => !options.filter || s.name.includes(options.filter));
  const server = await startConformanceServer();
  const dir = mkdtempSync(join(tmpdir(), 'handoff-conformance-'));
  const context = { server, dir };
  console.log(
    `Conformance: the exports on their frameworks (${sides.map((s) => s.label).join(', ')}) vs the\n` +
      'engine, same scripted replies. Compared step by step: agents answering, tool calls and\n' +
      'results, handoffs, input and approval requests, the end; then what each model call was\n' +
      'given, and the order of the events within each reply. Documented rules:\n' +
      sides.flatMap((side) => side.rules.map((rule) => `- ${side.label}: ${rule}\n`)).join(''),
  );
  let passed = 0;
  let failed = 0;
  const results = new Map<string, Map<string, Verdict['kind']>>();
  try {
    for (const [i, scenario] of scenarios.entries()) {
      const verdicts = await runScenario(scenario, i, sides, context, options.verbose);
      verdicts.forEach((verdict, k) => {
        console.log(verdict.line);
        if (verdict.ok) passed++;
        else failed++;
        const row = results.get(scenario.name) ?? new Map<string, Verdict['kind']>();
        row.set(sides[k]!.name, verdict.kind);
        results.set(scenario.name, row);
      });
    }
    if (!options.filter) {
      for (const side of sides) {
        if (!side.programChecks) continue;
        console.log(`\nThe exported module run as a program (${side.label}, its terminal driver):`);
        for (const check of await side.programChecks(context)) {
          console.log(check.line);
          if (check.ok) passed++;
          else failed++;
        }
      }
    }
  } finally {
    await Promise.all(sides.map((side) => side.close()));
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (options.markdown) console.log(`\n${resultsTable(results, sides)}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${passed} passed, ${failed} failed (${seconds} s)`);
  return failed > 0 || scenarios.length === 0 ? 1 : 0;
}

process.exitCode = await main();
