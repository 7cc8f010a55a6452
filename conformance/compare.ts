/**
 * Step-by-step comparison of the two traces. Every step must be equal, in order, with one rule
 * for how a run ended: Agent Framework's handoff workflow has no completion reason (the export's
 * header says so: "the run ends idle rather than with a reason"), so AF going idle with no request
 * open is what the engine calls `completed` by a termination condition or a terminal agent.
 * Nothing else is mapped.
 */
import { buildTopology, handoffToolName, type Workflow } from '../src/model';
import { render, type IsHandoffTool, type Step } from './trace';

export interface Difference {
  /** 1-based step number. */
  step: number;
  engine: string;
  af: string;
}

/**
 * The handoff tools each agent is offered (the same on both sides:
 * docs/spec/run-semantics.md#topology).
 */
export function handoffTools(doc: Workflow): IsHandoffTool {
  const topology = buildTopology(doc);
  return (agent, name) => topology.targetsOf(agent).some((t) => handoffToolName(t) === name);
}

/** Agent Framework's end that matches the engine's, when they differ only in the reason. */
const AF_END: Record<string, string> = {
  'completed: termination_condition': 'idle',
  'completed: terminal_agent': 'idle',
  'completed: user_terminated': 'user_terminated',
  paused: 'paused',
};

export function stepsAgree(engine: Step, af: Step): boolean {
  if (engine.kind === 'end' && af.kind === 'end') {
    // A failure on both sides is not agreement: a scenario must not end in an error.
    return AF_END[engine.how] !== undefined && AF_END[engine.how] === af.how;
  }
  return render(engine) === render(af);
}

/** The first step where the traces differ, or undefined when they agree throughout. */
export function firstDifference(engine: Step[], af: Step[]): Difference | undefined {
  const length = Math.max(engine.length, af.length);
  for (let i = 0; i < length; i++) {
    const e = engine[i];
    const a = af[i];
    if (e && a && stepsAgree(e, a)) continue;
    return {
      step: i + 1,
      engine: e ? render(e) : '(nothing)',
      af: a ? render(a) : '(nothing)',
    };
  }
  return undefined;
}

/** The common prefix length of two traces (steps that agree). */
export function agreeingPrefix(engine: Step[], af: Step[]): number {
  const difference = firstDifference(engine, af);
  return difference ? difference.step - 1 : engine.length;
}
