/**
 * The verdict on one scenario on one side, from what the engine and the side did: `agrees`,
 * `agrees` except a difference documented for that side (which must show exactly as documented),
 * or the first difference with both values.
 */
import { differenceOf } from './compare';
import { replyOrderDifference } from './replyOrder';
import { unansweredCalls } from './requestShape';
import type { Observed, Scenario } from './scenario';
import type { Side } from './side';
import { render } from './trace';

export interface Verdict {
  ok: boolean;
  /** `agrees`, `documented` or `differs` (the README's results table). */
  kind: 'agrees' | 'documented' | 'differs';
  line: string;
}

const indent = (label: string, text: string) => `\n          ${label} ${text}`;

export function verdictOf(
  scenario: Scenario,
  side: Pick<Side, 'name' | 'label' | 'inputDifference' | 'replyOrder'>,
  observed: Observed,
  problems: string[],
): Verdict {
  const name = `[${side.label}] ${scenario.name}`;
  const documented = scenario.documented?.[side.name];
  const difference = differenceOf(observed);
  const trouble = problems.length ? indent('(', `${problems.join('; ')})`) : '';
  const label = `${side.label}:`.padEnd(7);
  const failed = (line: string): Verdict => ({ ok: false, kind: 'differs', line });
  if (documented) {
    const off = documented.check(observed);
    if (off !== undefined || problems.length) {
      return failed(
        `FAILED  ${name}: not the documented difference (${documented.difference})` +
          indent('found:', off ?? 'the model script was not followed') +
          trouble,
      );
    }
    return {
      ok: true,
      kind: 'documented',
      line:
        `differs as documented  ${name}: ${documented.difference}` +
        (difference
          ? indent(`step ${difference.step}, engine:`, difference.engine) +
            indent(`step ${difference.step}, ${label}`, difference.side)
          : ''),
    };
  }
  if (difference) {
    return failed(
      `DIFFERS ${name} at step ${difference.step}` +
        indent('engine:', difference.engine) +
        indent(label, difference.side) +
        trouble,
    );
  }
  if (problems.length) return failed(`FAILED  ${name}: ${problems.join('; ')}`);
  const seen = side.inputDifference(observed.engineRequests, observed.sideRequests);
  if (seen) return failed(`DIFFERS ${name} in what the agents see: ${seen}`);
  const unanswered = [
    ...unansweredCalls(observed.engineRequests).map((u) => `engine ${u}`),
    ...unansweredCalls(observed.sideRequests).map((u) => `${side.label} ${u}`),
  ];
  if (unanswered.length) {
    return failed(`FAILED  ${name}: a request OpenAI refuses: ${unanswered[0]}`);
  }
  const order = replyOrderDifference(observed.engineReplies, observed.sideReplies, {
    label: side.label,
    order: side.replyOrder,
  });
  if (order) return failed(`DIFFERS ${name} in the order within a reply: ${order}`);
  return { ok: true, kind: 'agrees', line: `agrees  ${name}` };
}

/**
 * A documented check: the traces agree up to step `at`, where the engine's next steps begin with
 * `engine` and the side's with `side` (each a rendered step or its beginning); with `rejoin`, the
 * rest of both traces agrees again after those steps.
 */
export function divergesAt(expected: {
  at: number;
  engine: string[];
  side: string[];
  rejoin?: boolean;
}): (observed: Observed) => string | undefined {
  return (observed) => {
    const { engine, side, endOf } = observed;
    const difference = differenceOf(observed);
    if (!difference) return 'the traces agree';
    if (difference.step !== expected.at) {
      return `first difference at step ${difference.step} (engine: ${difference.engine}; side: ${difference.side}), documented at step ${expected.at}`;
    }
    const from = expected.at - 1;
    for (const [who, steps, lines] of [
      ['engine', engine, expected.engine],
      ['side', side, expected.side],
    ] as const) {
      for (const [k, line] of lines.entries()) {
        const got = steps[from + k];
        if (!got || !render(got).startsWith(line)) {
          return `${who} step ${from + k + 1} is ${got ? render(got) : '(nothing)'}, documented: ${line}`;
        }
      }
    }
    if (expected.rejoin) {
      const rest = differenceOf({
        engine: engine.slice(from + expected.engine.length),
        side: side.slice(from + expected.side.length),
        endOf,
      });
      if (rest)
        return `after the difference the traces differ again: ${rest.engine} / ${rest.side}`;
    }
    return undefined;
  };
}
