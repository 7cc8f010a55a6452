/**
 * The agents-py side's documented differences (docs/spec/export-agents-sdk.md#python): the rules
 * every comparison applies, and per scenario what differs and the check that it differs exactly so.
 */
import type { ChatRequestBody } from '../test/support/openaiServer';
import type { Documented } from './scenario';
import { divergesAt } from './verdict';

/** Rules every agents-py comparison applies, printed in the header of the run. */
export const AGENTS_PY_RULES = [
  "The SDK has no end of its own: the export's Conversation reports the engine's reasons, compared as they are",
  "The exported Conversation calls Runner.run (no streaming): a reply's calls come before their results, as in AF's order",
  "The SDK's Chat Completions converter writes no name on assistant messages: the engine's author names are not compared",
  'The handoff tools take no arguments (the engine\'s take an optional "reason"): handoff tool parameters are not compared; tools are compared as a set',
];

/** The engine's request bodies without the assistant `name` the SDK cannot send (a rule above). */
export function withoutAuthorNames(bodies: readonly ChatRequestBody[]): ChatRequestBody[] {
  return bodies.map((body) => ({
    ...body,
    messages: (body.messages ?? []).map((m) => {
      if (m.role !== 'assistant' || !('name' in m)) return m;
      const { name: _name, ...rest } = m;
      return rest as typeof m;
    }),
  }));
}

/**
 * The agents-py side's documented differences by scenario name, added to the scenarios as
 * `documented["agents-py"]` (scenarios/index.ts, `withDocumented`: an unknown name is an error).
 */
export const AGENTS_PY_DIFFERENCES: Readonly<Record<string, Documented>> = Object.fromEntries([
  [
    'an ordinary call between two gated ones: approvals in call order, one rejected',
    {
      difference:
        'the SDK runs the ungated call of a reply at once and waits only for the gated ones; the engine holds the whole batch',
      check: divergesAt({
        at: 2,
        engine: [
          'approval requested by clerk for issue_refund({"order":"A-7"})',
          'approval requested by clerk for issue_refund({"order":"B-2"})',
          'clerk calls issue_refund({"order":"A-7"}) -> "Refund issued for order A-7."',
          'clerk calls lookup_order({"order":"B-2"}) -> "Order B-2: one lamp, paid."',
          'clerk calls issue_refund({"order":"B-2"}) -> "Error: Tool call invocation was rejected by user."',
        ],
        side: [
          'clerk calls lookup_order({"order":"B-2"}) -> "Order B-2: one lamp, paid."',
          'approval requested by clerk for issue_refund({"order":"A-7"})',
          'approval requested by clerk for issue_refund({"order":"B-2"})',
          'clerk calls issue_refund({"order":"A-7"}) -> "Refund issued for order A-7."',
          'clerk calls issue_refund({"order":"B-2"}) -> "Error: Tool call invocation was rejected by user."',
        ],
        rejoin: true,
      }),
    },
  ],
  [
    'loop guard: maxHandoffsPerTurn 3 and a fourth handoff in the same turn',
    {
      difference:
        "the loop guard stops the run in the SDK's on_handoff hook, after the SDK answered the handoff call: no error result is reported for it",
      check: divergesAt({
        at: 8,
        engine: [
          'pong calls handoff_to_ping({}) -> "Error: handoff limit of 3 reached."',
          'ends failed: loop_guard',
        ],
        side: ['ends failed (loop_guard: pong -> ping: handoff limit of 3 reached)'],
      }),
    },
  ],
  [
    'two handoff calls in one reply',
    {
      difference:
        'the first handoff wins on both; the SDK answers the second "Multiple handoffs detected, ignoring this one."',
      check: divergesAt({
        at: 2,
        engine: ['a calls handoff_to_c({}) -> "Ignored: only one handoff per reply."'],
        side: ['a calls handoff_to_c({}) -> "Multiple handoffs detected, ignoring this one."'],
        rejoin: true,
      }),
    },
  ],
  [
    'a handoff call whose arguments are not valid JSON',
    {
      difference:
        'the SDK takes a handoff whose arguments are not valid JSON (its handoffs read no arguments); the engine refuses it',
      check: divergesAt({
        at: 2,
        engine: [
          'clerk calls handoff_to_manager("{bad") -> "Error: invalid JSON arguments."',
          'clerk answers "Let me try that again later."',
        ],
        side: ['handoff clerk -> manager', 'manager answers "Manager here."'],
      }),
    },
  ],
]);
