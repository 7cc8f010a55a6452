/**
 * `cli test WORKFLOW.json …` (docs/spec/cli.md#test): runs the workflow's routing tests
 * (docs/spec/tests.md) and prints a line per case, then `N passed, M failed`; `--json` prints the
 * suite result instead, `--junit FILE` writes JUnit XML. Exit 0 when every case meets its pass
 * rate, 1 when one does not, 2 on bad arguments or a document or test that cannot run.
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CheckpointStore, ModelProvider } from '../engine';
import { hasErrors, isTestIssue, sortIssues, validateWorkflow, type Workflow } from '../model';
import { createOpenAIProvider } from '../providers/openai';
import { createSimulatorProvider } from '../providers/simulator';
import { runSuite, toJUnit, type CaseSummary, type SuiteResult } from '../routing';
import { FileCheckpointStore } from '../storage/fileStore';
import { EXIT, UsageError, type CliIO } from './io';
import { formatProblem, loadWorkflow } from './load';

interface TestArgs {
  file: string;
  provider: 'simulator' | 'openai';
  baseURL: string | undefined;
  model: string | undefined;
  samples: number | undefined;
  concurrency: number;
  junit: string | undefined;
  json: boolean;
  cases: string[] | undefined;
  store: string | undefined;
}

export function parseTestArgs(args: string[]): TestArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      provider: { type: 'string' },
      'base-url': { type: 'string' },
      model: { type: 'string' },
      samples: { type: 'string' },
      concurrency: { type: 'string' },
      junit: { type: 'string' },
      json: { type: 'boolean', default: false },
      case: { type: 'string', multiple: true },
      store: { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? 'A WORKFLOW.json file is needed.' : 'One file only.',
    );
  }
  const provider = values.provider ?? 'simulator';
  if (provider !== 'simulator' && provider !== 'openai') {
    throw new UsageError(`--provider ${provider} is not a provider; use simulator or openai.`);
  }
  return {
    file: positionals[0]!,
    provider,
    baseURL: values['base-url'],
    model: values.model,
    samples: values.samples === undefined ? undefined : count('--samples', values.samples),
    concurrency: values.concurrency === undefined ? 1 : count('--concurrency', values.concurrency),
    junit: values.junit,
    json: values.json,
    cases: values.case,
    store: values.store,
  };
}

function count(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw new UsageError(`${flag} takes a whole number from 1 to 10000 (got "${text}").`);
  }
  return n;
}

export async function testCommand(args: TestArgs, io: CliIO): Promise<number> {
  const loaded = await loadWorkflow(args.file);
  if (!loaded.ok) {
    io.err(`${args.file}: cannot be read as a workflow:`);
    for (const p of loaded.problems) io.err(`  ${formatProblem(p)}`);
    return EXIT.usage;
  }
  const doc = loaded.doc;
  if (!checkRunnable(doc, args, io)) return EXIT.usage;
  const store = createStore(args.store);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let result: SuiteResult;
  try {
    result = await runSuite(doc, {
      provider: createProvider(args, doc),
      ...(args.samples !== undefined ? { samples: args.samples } : {}),
      concurrency: args.concurrency,
      signal: controller.signal,
      ...(store ? { store } : {}),
      ...(args.cases ? { caseIds: args.cases } : {}),
      ...(args.model !== undefined ? { model: args.model } : {}),
      ...(process.stderr.isTTY ? { onSample: showProgress } : {}),
    });
  } finally {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (store instanceof FileCheckpointStore) store.close();
  }
  if (args.junit !== undefined) await writeFile(args.junit, toJUnit(result), 'utf8');
  if (args.json) io.out(JSON.stringify(result));
  else printResult(result, io);
  if (result.stopped) io.err('The suite was stopped; cases not finished count as failed.');
  return result.cases.every((c) => c.ok) ? EXIT.ok : EXIT.failed;
}

/** The document must run, have tests, and the chosen cases must exist and have no issue. */
function checkRunnable(doc: Workflow, args: TestArgs, io: CliIO): boolean {
  const issues = sortIssues(validateWorkflow(doc));
  const tests = doc.tests ?? [];
  const unknown = (args.cases ?? []).filter((id) => !tests.some((t) => t.id === id));
  const chosen = new Set(args.cases ?? tests.map((t) => t.id));
  const blocking = issues.filter(
    (i) => i.severity === 'error' || (isTestIssue(i) && chosen.has(i.testCase ?? '')),
  );
  if (hasErrors(issues) || blocking.length > 0) {
    io.err(`${args.file}: the workflow or its tests have problems; nothing was run:`);
    for (const i of blocking) io.err(`  ${i.code} ${i.path ? `${i.path}: ` : ''}${i.message}`);
    return false;
  }
  if (tests.length === 0) {
    io.err(`${args.file} has no tests (docs/spec/tests.md).`);
    return false;
  }
  if (unknown.length > 0) {
    io.err(`No test case with id ${unknown.map((id) => `"${id}"`).join(', ')} in ${args.file}.`);
    return false;
  }
  return true;
}

/** On a terminal only: how many samples are done, rewritten in place on stderr. */
function showProgress(_sample: unknown, progress: { done: number; total: number }): void {
  process.stderr.write(`\r${progress.done}/${progress.total} samples`);
}

function createStore(dir: string | undefined): CheckpointStore | undefined {
  if (dir === undefined) return undefined;
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(`--store must be a directory; ${dir} is a file.`);
  }
  return new FileCheckpointStore(dir);
}

function createProvider(args: TestArgs, doc: Workflow): ModelProvider {
  if (args.provider === 'simulator') return createSimulatorProvider({ document: doc });
  const apiKey = process.env.OPENAI_API_KEY ?? '';
  if (apiKey === '' && args.baseURL === undefined) {
    throw new UsageError(
      '--provider openai needs OPENAI_API_KEY (or --base-url for a local server).',
    );
  }
  const provider = createOpenAIProvider({ apiKey, baseURL: args.baseURL, model: args.model });
  const model = args.model;
  // --model names what the server has: it overrides the document's, as in `run`.
  if (model === undefined) return provider;
  return { id: provider.id, complete: (request) => provider.complete({ ...request, model }) };
}

function printResult(result: SuiteResult, io: CliIO): void {
  const width = Math.max(...result.cases.map((c) => c.caseId.length), 4);
  for (const c of result.cases) io.out(caseLine(c, width));
  const passed = result.cases.filter((c) => c.ok).length;
  io.out(`${passed} passed, ${result.cases.length - passed} failed`);
}

const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** `PASS refund   3/3 100% [43.9%–100%]  Refunds …` or `FAIL … needs 100%: <first failure>`. */
export function caseLine(c: CaseSummary, width: number): string {
  const head =
    `${c.ok ? 'PASS' : 'FAIL'} ${c.caseId.padEnd(width)} ${`${c.passed}/${c.total}`.padStart(7)} ` +
    `${percent(c.rate).padStart(6)} [${percent(c.low)}–${percent(c.high)}]`;
  if (c.ok) return `${head}  ${c.name}`;
  if (c.total === 0) return `${head}  no sample ran`;
  const f = c.firstFailure;
  const why = f ? `${f.label}${f.detail !== undefined ? ` (${f.detail})` : ''}` : 'pass rate';
  return `${head}  needs ${percent(c.requiredRate)}: ${why}`;
}
