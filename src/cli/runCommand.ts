/**
 * `cli run WORKFLOW.json …` and `cli resume RUN_ID --store DIR …` (docs/spec/cli.md): the events
 * (docs/spec/events.md) as one JSON object per line on stdout, diagnostics on stderr. Exit 0 for a
 * run that completed, paused or was stopped, 1 for a failed run, 2 for bad arguments or an invalid
 * document.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  HandoffStudioError,
  MemoryCheckpointStore,
  parseScriptText,
  resumeRun,
  startRun,
  type CheckpointStore,
  type ModelProvider,
  type RunHandle,
} from '../engine';
import {
  hasErrors,
  parseWorkflowText,
  sortIssues,
  validateWorkflow,
  type Workflow,
} from '../model';
import { createOpenAIProvider } from '../providers/openai';
import { createScriptProvider } from '../providers/script';
import { createSimulatorProvider } from '../providers/simulator';
import { FileCheckpointStore } from '../storage/fileStore';
import { EXIT, UsageError, type CliIO } from './io';
import { formatProblem, loadWorkflow } from './load';
import type { RunArgs } from './runArgs';

export async function runCommand(args: RunArgs, io: CliIO): Promise<number> {
  const loaded = await loadWorkflow(args.positional);
  if (!loaded.ok) {
    io.err(`${args.positional}: cannot be read as a workflow:`);
    for (const p of loaded.problems) io.err(`  ${formatProblem(p)}`);
    return EXIT.usage;
  }
  if (!reportInvalid(loaded.doc, args.positional, io)) return EXIT.usage;
  const provider = await createProvider(args, loaded.doc);
  const [opening, ...answers] = args.inputs;
  const store = createStore(args);
  try {
    const run = startRun({ document: loaded.doc, provider, input: opening!, store });
    return await drive(run, answers, args.decisions, io);
  } finally {
    release(store);
  }
}

export async function resumeCommand(args: RunArgs, io: CliIO): Promise<number> {
  const store = createStore(args);
  try {
    return await resumeWith(store, args, io);
  } finally {
    release(store);
  }
}

/** Releases the run lock a file store took (a killed process leaves a stale one, taken over). */
function release(store: CheckpointStore): void {
  if (store instanceof FileCheckpointStore) store.close();
}

async function resumeWith(store: CheckpointStore, args: RunArgs, io: CliIO): Promise<number> {
  const record = await store.getRun(args.positional);
  if (!record) {
    io.err(`No run "${args.positional}" in ${args.store}.`);
    return EXIT.usage;
  }
  const parsed = parseWorkflowText(record.document);
  if (!parsed.ok) {
    io.err(`The document stored with run "${record.runId}" cannot be read:`);
    for (const p of parsed.problems) io.err(`  ${formatProblem(p)}`);
    return EXIT.usage;
  }
  const provider = await createProvider(args, parsed.doc);
  let run: RunHandle;
  try {
    run = await resumeRun({
      runId: record.runId,
      store,
      document: parsed.doc,
      provider,
      checkpointId: args.checkpoint,
      fork: args.fork,
      onCheckpointSkipped: (s) => io.err(`Skipped checkpoint "${s.checkpointId}": ${s.reason}`),
    });
  } catch (error) {
    if (error instanceof HandoffStudioError) {
      io.err(`Cannot resume run "${record.runId}" (${error.code}): ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
  return drive(run, [...args.inputs], args.decisions, io);
}

/**
 * Prints every event and answers requests from the given inputs and decisions, in order; with
 * none left for a request, the run is left paused (exit 0).
 */
async function drive(
  run: RunHandle,
  inputs: string[],
  decisions: boolean[],
  io: CliIO,
): Promise<number> {
  const onSignal = () => run.stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for await (const event of run) {
      io.out(JSON.stringify(event));
      if (event.type === 'model_retry') io.err(event.message);
      if (event.type === 'input_requested') {
        const input = inputs.shift();
        if (input === undefined) run.suspend();
        else run.answerInput(event.requestId, input === '' ? { end: true } : input);
      } else if (event.type === 'approval_requested') {
        const decision = decisions.shift();
        if (decision === undefined) run.suspend();
        else run.answerApproval(event.requestId, decision);
      }
    }
    const outcome = await run.done;
    if (inputs.length > 0) io.err(`${inputs.length} --input value(s) left over and ignored.`);
    if (decisions.length > 0)
      io.err(`${decisions.length} --decision value(s) left over and ignored.`);
    switch (outcome.status) {
      case 'failed':
        io.err(`Run ${outcome.runId} failed (${outcome.error.code}): ${outcome.error.message}`);
        return EXIT.failed;
      case 'paused':
        io.err(`Run ${outcome.runId} is paused, waiting for ${outcome.requests.length} answer(s).`);
        return EXIT.ok;
      case 'stopped':
        io.err(
          `Run ${outcome.runId} was stopped; resume it with: resume ${outcome.runId} --store DIR`,
        );
        return EXIT.ok;
      default:
        return EXIT.ok;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function reportInvalid(doc: Workflow, file: string, io: CliIO): boolean {
  const issues = validateWorkflow(doc);
  if (!hasErrors(issues)) return true;
  io.err(`${file}: the workflow has errors and cannot run:`);
  for (const i of sortIssues(issues)) {
    if (i.severity === 'error') io.err(`  ${i.path ? `${i.path}: ` : ''}${i.message}`);
  }
  return false;
}

function createStore(args: RunArgs): CheckpointStore {
  if (args.store === undefined) return new MemoryCheckpointStore();
  if (existsSync(args.store) && !statSync(args.store).isDirectory()) {
    throw new UsageError(`--store must be a directory; ${args.store} is a file.`);
  }
  return new FileCheckpointStore(args.store);
}

async function createProvider(args: RunArgs, doc: Workflow): Promise<ModelProvider> {
  switch (args.provider) {
    case 'simulator':
      return createSimulatorProvider({ document: doc, delayMs: args.delayMs });
    case 'script': {
      let text: string;
      try {
        text = await readFile(args.script!, 'utf8');
      } catch (error) {
        throw new UsageError(`--script ${args.script}: ${(error as Error).message}`);
      }
      try {
        return createScriptProvider(parseScriptText(text), { delayMs: args.delayMs });
      } catch (error) {
        if (error instanceof HandoffStudioError) {
          throw new UsageError(`--script ${args.script}: ${error.message}`);
        }
        throw error;
      }
    }
    case 'openai': {
      const apiKey = process.env.OPENAI_API_KEY ?? '';
      if (apiKey === '' && args.baseURL === undefined) {
        throw new UsageError(
          '--provider openai needs OPENAI_API_KEY (or --base-url for a local server).',
        );
      }
      const provider = createOpenAIProvider({ apiKey, baseURL: args.baseURL, model: args.model });
      const model = args.model;
      // --model names what the server has (an Ollama model, say): it overrides the document's.
      if (model === undefined) return provider;
      return { id: provider.id, complete: (request) => provider.complete({ ...request, model }) };
    }
  }
}
