/** Options shared by `run` and `resume` (docs/spec/cli.md#run), parsed and checked. */
import { parseArgs } from 'node:util';
import { UsageError } from './io';

export interface RunArgs {
  positional: string;
  provider: 'simulator' | 'openai' | 'script';
  baseURL: string | undefined;
  model: string | undefined;
  script: string | undefined;
  inputs: string[];
  decisions: boolean[];
  store: string | undefined;
  /** resume only: continue from this checkpoint instead of the latest. */
  checkpoint: string | undefined;
  /** resume only: continue as a new run (also with a changed document). */
  fork: boolean;
  /** Milliseconds between streamed deltas of the simulator or a script (demos). */
  delayMs: number;
}

export function parseRunArgs(args: string[], command: 'run' | 'resume'): RunArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      provider: { type: 'string' },
      'base-url': { type: 'string' },
      model: { type: 'string' },
      script: { type: 'string' },
      input: { type: 'string', multiple: true },
      decision: { type: 'string', multiple: true },
      store: { type: 'string' },
      checkpoint: { type: 'string' },
      fork: { type: 'boolean', default: false },
      'delay-ms': { type: 'string' },
    },
  });
  const what = command === 'run' ? 'A WORKFLOW.json file' : 'A RUN_ID';
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? `${what} is needed.`
        : `One ${command === 'run' ? 'file' : 'run id'} only.`,
    );
  }
  if (values.provider !== undefined && !['simulator', 'openai'].includes(values.provider)) {
    throw new UsageError(
      `--provider ${values.provider} is not a provider; use simulator or openai (or --script FILE).`,
    );
  }
  if (values.script !== undefined && values.provider !== undefined) {
    throw new UsageError('--script replays a script; it cannot be combined with --provider.');
  }
  if (command === 'resume' && values.store === undefined) {
    throw new UsageError('resume needs --store DIR (where the run was kept).');
  }
  if (command === 'run' && (values.checkpoint !== undefined || values.fork)) {
    throw new UsageError('--checkpoint and --fork belong to resume.');
  }
  const inputs = values.input ?? [];
  if (command === 'run' && (inputs.length === 0 || inputs[0]!.trim() === '')) {
    throw new UsageError('run needs --input TEXT: the opening user message (not empty).');
  }
  const decisions = (values.decision ?? []).map((d) => {
    if (d !== 'approve' && d !== 'reject') {
      throw new UsageError(`--decision ${d}: use approve or reject.`);
    }
    return d === 'approve';
  });
  const delayMs = values['delay-ms'] === undefined ? 0 : Number(values['delay-ms']);
  if (!Number.isFinite(delayMs) || delayMs < 0)
    throw new UsageError('--delay-ms takes a number ≥ 0.');
  return {
    positional: positionals[0]!,
    provider:
      values.script !== undefined
        ? 'script'
        : ((values.provider as RunArgs['provider']) ?? 'simulator'),
    baseURL: values['base-url'],
    model: values.model,
    script: values.script,
    inputs,
    decisions,
    store: values.store,
    checkpoint: values.checkpoint,
    fork: values.fork,
    delayMs,
  };
}
