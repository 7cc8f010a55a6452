/**
 * Step-by-step comparison of the engine's trace with a side's. Every step must be equal, in order,
 * with one rule for how a run ended: a side may name an end differently (Agent Framework's handoff
 * workflow has no completion reason: it goes idle), so the engine's end is read through the side's
 * `endOf` (side.ts). Nothing else is mapped.
 */
import { buildTopology, handoffToolName, type Workflow } from '../src/model';
import { render, type IsHandoffTool, type Step } from './trace';

export interface Difference {
  /** 1-based step number. */
  step: number;
  engine: string;
  side: string;
}

/** How an engine end reads on a side (Side.endOf). */
export type EndOf = (engineHow: string) => string | undefined;

/**
 * The handoff tools each agent is offered (the same on every side:
 * docs/spec/run-semantics.md#topology).
 */
export function handoffTools(doc: Workflow): IsHandoffTool {
  const topology = buildTopology(doc);
  return (agent, name) => topology.targetsOf(agent).some((t) => handoffToolName(t) === name);
}

export function stepsAgree(engine: Step, side: Step, endOf: EndOf): boolean {
  if (engine.kind === 'end' && side.kind === 'end') {
    // A failure on both sides is not agreement: a scenario must not end in an error.
    const expected = endOf(engine.how);
    return expected !== undefined && !engine.how.startsWith('failed') && expected === side.how;
  }
  return render(engine) === render(side);
}

/** The first step where the traces differ, or undefined when they agree throughout. */
export function firstDifference(
  engine: Step[],
  side: Step[],
  endOf: EndOf,
): Difference | undefined {
  const length = Math.max(engine.length, side.length);
  for (let i = 0; i < length; i++) {
    const e = engine[i];
    const s = side[i];
    if (e && s && stepsAgree(e, s, endOf)) continue;
    return {
      step: i + 1,
      engine: e ? render(e) : '(nothing)',
      side: s ? render(s) : '(nothing)',
    };
  }
  return undefined;
}

/** The first difference between what the engine and the side did (`Observed`). */
export function differenceOf(observed: {
  engine: Step[];
  side: Step[];
  endOf: EndOf;
}): Difference | undefined {
  return firstDifference(observed.engine, observed.side, observed.endOf);
}
