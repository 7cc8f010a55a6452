/**
 * The verdict on one scenario from what both sides did: `agrees`, `agrees` except a documented
 * difference (which must show exactly as documented), or the first difference with both values.
 */
import { firstDifference } from './compare';
import { modelInputDifference } from './modelInput';
import { replyOrderDifference } from './replyOrder';
import { unansweredCalls } from './requestShape';
import type { Observed, Scenario } from './scenario';
import { render } from './trace';

export interface Verdict {
  ok: boolean;
  line: string;
}

const indent = (label: string, text: string) => `\n          ${label} ${text}`;

export function verdictOf(scenario: Scenario, observed: Observed, problems: string[]): Verdict {
  const { name, documented } = scenario;
  const difference = firstDifference(observed.engine, observed.af);
  const trouble = problems.length ? indent('(', `${problems.join('; ')})`) : '';
  if (documented) {
    const off = documented.check(observed);
    if (off !== undefined || problems.length) {
      return {
        ok: false,
        line:
          `FAILED  ${name}: not the documented difference (${documented.difference})` +
          indent('found:', off ?? 'the model script was not followed') +
          trouble,
      };
    }
    return {
      ok: true,
      line:
        `differs as documented  ${name}: ${documented.difference}` +
        (difference
          ? indent(`step ${difference.step}, engine:`, difference.engine) +
            indent(`step ${difference.step}, AF:    `, difference.af)
          : ''),
    };
  }
  if (difference) {
    return {
      ok: false,
      line:
        `DIFFERS ${name} at step ${difference.step}` +
        indent('engine:', difference.engine) +
        indent('AF:    ', difference.af) +
        trouble,
    };
  }
  if (problems.length) return { ok: false, line: `FAILED  ${name}: ${problems.join('; ')}` };
  const seen = modelInputDifference(observed.engineRequests, observed.afRequests);
  if (seen) return { ok: false, line: `DIFFERS ${name} in what the agents see: ${seen}` };
  const unanswered = [
    ...unansweredCalls(observed.engineRequests).map((u) => `engine ${u}`),
    ...unansweredCalls(observed.afRequests).map((u) => `AF ${u}`),
  ];
  if (unanswered.length) {
    return { ok: false, line: `FAILED  ${name}: a request OpenAI refuses: ${unanswered[0]}` };
  }
  const order = replyOrderDifference(observed.engineReplies, observed.afReplies);
  if (order) return { ok: false, line: `DIFFERS ${name} in the order within a reply: ${order}` };
  return { ok: true, line: `agrees  ${name}` };
}

/**
 * A documented check: the traces agree up to step `at`, where the engine's next steps begin with
 * `engine` and AF's with `af` (each a rendered step or its beginning); with `rejoin`, the rest of
 * both traces agrees again after those steps.
 */
export function divergesAt(expected: {
  at: number;
  engine: string[];
  af: string[];
  rejoin?: boolean;
}): (observed: Observed) => string | undefined {
  return ({ engine, af }) => {
    const difference = firstDifference(engine, af);
    if (!difference) return 'the traces agree';
    if (difference.step !== expected.at) {
      return `first difference at step ${difference.step} (engine: ${difference.engine}; AF: ${difference.af}), documented at step ${expected.at}`;
    }
    const from = expected.at - 1;
    for (const [side, steps, lines] of [
      ['engine', engine, expected.engine],
      ['AF', af, expected.af],
    ] as const) {
      for (const [k, line] of lines.entries()) {
        const got = steps[from + k];
        if (!got || !render(got).startsWith(line)) {
          return `${side} step ${from + k + 1} is ${got ? render(got) : '(nothing)'}, documented: ${line}`;
        }
      }
    }
    if (expected.rejoin) {
      const rest = firstDifference(
        engine.slice(from + expected.engine.length),
        af.slice(from + expected.af.length),
      );
      if (rest) return `after the difference the traces differ again: ${rest.engine} / ${rest.af}`;
    }
    return undefined;
  };
}
