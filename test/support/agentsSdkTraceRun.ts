/**
 * The Agents SDK traces of one test file's run, written by the real SDKs (agentsSdkTrace.ts, and
 * agentsSdkTracePython.ts when its venv can be made), with helpers to read them in tests.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'vitest';
import type { RunEvent } from '../../src/engine/events';
import { writeAgentsSdkTraces, writeRejectedAgentsSdkTrace } from './agentsSdkTrace';
import { writePythonAgentsSdkTraces } from './agentsSdkTracePython';

export type Sdk = 'js' | 'python';
export type Mode = 'sensitive' | 'plain';

export interface SdkTraces {
  dir: string;
  /** The support desk's traces, by SDK and content capture. */
  texts: Record<Sdk, Partial<Record<Mode, string>>>;
  /** The refund a person rejected: the JS SDK's with and without content, Python's with. */
  rejected: Partial<Record<Mode | 'python', string>>;
  /** The tools each model request of the JS run (content captured) offered, in order. */
  requestTools: unknown[];
  /** Why there are no Python traces. */
  pythonUnavailable?: string;
}

/** Writes every trace into a fresh temporary folder (remove it with `removeSdkTraces`). */
export async function writeSdkTraces(options: { python: boolean }): Promise<SdkTraces> {
  const dir = mkdtempSync(join(tmpdir(), 'agents-sdk-trace-'));
  const read = (file: string) => readFileSync(file, 'utf8');
  const js = await writeAgentsSdkTraces(dir);
  const traces: SdkTraces = {
    dir,
    texts: { js: { sensitive: read(js.sensitive), plain: read(js.plain) }, python: {} },
    rejected: {},
    requestTools: js.requestTools,
  };
  for (const mode of ['sensitive', 'plain'] as const) {
    const file = join(dir, `rejected.${mode}.ndjson`);
    await writeRejectedAgentsSdkTrace(file, mode === 'sensitive');
    traces.rejected[mode] = read(file);
  }
  if (!options.python) return { ...traces, pythonUnavailable: 'not asked for' };
  const python = await writePythonAgentsSdkTraces(dir);
  if ('unavailable' in python) {
    console.warn(`Python Agents SDK traces skipped: ${python.unavailable}`);
    return { ...traces, pythonUnavailable: python.unavailable };
  }
  traces.texts.python = { sensitive: read(python.sensitive), plain: read(python.plain) };
  traces.rejected.python = read(python.rejected);
  return traces;
}

export const removeSdkTraces = (traces: SdkTraces | undefined): void => {
  if (traces) rmSync(traces.dir, { recursive: true, force: true });
};

/** The text, or skips the test saying why there is none (Python unavailable). */
export function traceOrSkip(text: string | undefined, traces: SdkTraces, ctx: TestContext): string {
  if (text === undefined) {
    ctx.skip(`no trace: ${traces.pythonUnavailable ?? 'not written'}`);
    throw new Error('skipped');
  }
  return text;
}

/** The objects of an NDJSON trace. */
export const lines = (text: string): unknown[] =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);

/** Event types and the fields that matter, without seq. */
export const shape = (events: readonly RunEvent[]) =>
  events.map((e) => {
    switch (e.type) {
      case 'agent_started':
        return `agent_started ${e.agent}`;
      case 'tool_call':
        return `tool_call ${e.agent} ${e.name}${e.handoffTarget ? ` -> ${e.handoffTarget}` : ''}`;
      case 'tool_result':
        return `tool_result ${e.agent} ${e.name}`;
      case 'handoff':
        return `handoff ${e.from} -> ${e.to}`;
      case 'message':
        return `message ${e.agent}`;
      case 'usage':
        return `usage ${e.agent} #${e.callIndex}`;
      case 'approval_requested':
        return `approval_requested ${e.agent} ${e.name}`;
      case 'completed':
        return `completed ${e.reason}`;
      default:
        return e.type;
    }
  });
