/**
 * Our side of a scenario: the engine with the openai provider against the conformance server,
 * driven with the scenario's inputs and decisions (like the CLI's --input/--decision: none left,
 * the run pauses).
 */
import { startRun, type RunEvent } from '../src/engine';
import type { Workflow } from '../src/model';
import { createOpenAIProvider } from '../src/providers/openai';

export interface EngineRun {
  events: RunEvent[];
  /** completed | failed | stopped | paused */
  outcome: string;
  ms: number;
}

export async function runEngine(
  doc: Workflow,
  baseURL: string,
  opening: string,
  inputs: readonly string[] = [],
  decisions: readonly boolean[] = [],
): Promise<EngineRun> {
  const provider = createOpenAIProvider({
    apiKey: 'conformance-key',
    baseURL,
    maxRetries: 0,
    timeoutMs: 60_000,
  });
  const leftInputs = [...inputs];
  const leftDecisions = [...decisions];
  const started = performance.now();
  const handle = startRun({ document: doc, provider, input: opening });
  const events: RunEvent[] = [];
  for await (const event of handle) {
    events.push(event);
    if (event.type === 'input_requested') {
      const next = leftInputs.shift();
      if (next === undefined) handle.suspend();
      else handle.answerInput(event.requestId, next === '' ? { end: true } : next);
    } else if (event.type === 'approval_requested') {
      const next = leftDecisions.shift();
      if (next === undefined) handle.suspend();
      else handle.answerApproval(event.requestId, next);
    }
  }
  const outcome = await handle.done;
  return { events, outcome: outcome.status, ms: performance.now() - started };
}
