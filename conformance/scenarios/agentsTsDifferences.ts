/**
 * Where the exported Agents SDK (TypeScript) module differs from the engine on the real
 * `@openai/agents` (docs/spec/export-agents-sdk.md#differences, the export's header), by scenario
 * name: each is asserted exactly, like the Agent Framework ones (the scenario fails if the
 * behaviour changes). Every other scenario must agree on this side.
 */
import { differenceOf } from '../compare';
import { modelInputDifference, joinTextAndCalls } from '../modelInput';
import { unansweredCalls } from '../requestShape';
import type { Documented, Observed } from '../scenario';
import { divergesAt } from '../verdict';

const handoffParameters = (requests: Observed['sideRequests'], name: string): unknown =>
  (requests[0]?.tools?.find((t) => t.function.name === name)?.function as { parameters?: unknown })
    ?.parameters;

const hasReason = (parameters: unknown): boolean =>
  'reason' in ((parameters as { properties?: object } | undefined)?.properties ?? {});

export const AGENTS_TS_DIFFERENCES: Readonly<Record<string, Documented>> = {
  'a tool and its approval in a reply that also hands off: the handoff waits, then passes': {
    difference:
      'a reply with an approval-gated call and a handoff: the SDK hands off at once; the gated ' +
      "call is neither asked about nor run, and is dropped from that agent's history; the " +
      'engine asks, runs it, then hands off',
    check: divergesAt({
      at: 4,
      engine: [
        'approval requested by billing for issue_refund({"order":"A-7"})',
        'billing calls issue_refund({"order":"A-7"}) -> "Refund issued for order A-7."',
      ],
      side: [],
      rejoin: true,
    }),
  },
  'an approval batch with text and a handoff: the handoff waits for the approval': {
    difference:
      'as above, the SDK hands off at once without asking for the gated call; the text of the ' +
      'batch is shared on both sides (front sees it with its author)',
    check: (observed) => {
      const off = divergesAt({
        at: 4,
        engine: [
          'approval requested by billing for issue_refund({"order":"A-7"})',
          'billing calls issue_refund({"order":"A-7"}) -> "Refund issued for order A-7."',
        ],
        side: [],
        rejoin: true,
      })(observed);
      if (off) return off;
      const shared = (observed.sideRequests[2]?.messages ?? []).some(
        (m) => m.name === 'billing' && m.content === 'Refunding A-7, then back to the front.',
      );
      return shared ? undefined : "front's request lacks billing's text";
    },
  },
  'a gated call and a handoff in one reply, then the same agent again: its request is whole': {
    difference:
      'as above, the SDK hands off without asking for the gated call; when billing is called ' +
      'again its request no longer carries that call (the SDK dropped it), so it stays one a ' +
      'real OpenAI endpoint accepts',
    check: (observed) => {
      const off = divergesAt({
        at: 4,
        engine: [
          'approval requested by billing for issue_refund({"order":"A-7"})',
          'billing calls issue_refund({"order":"A-7"}) -> "Refund issued for order A-7."',
        ],
        side: [],
        rejoin: true,
      })(observed);
      if (off) return off;
      const unanswered = unansweredCalls(observed.sideRequests);
      if (unanswered.length) return `a request OpenAI refuses: ${unanswered[0]}`;
      const last = observed.sideRequests.at(-1)?.messages ?? [];
      const calls = last.flatMap(
        (m) => (m.tool_calls as Array<{ function: { name: string } }> | undefined) ?? [],
      );
      if (!calls.some((c) => c.function.name === 'handoff_to_front')) {
        return "billing's second request lacks its own handoff call";
      }
      return calls.some((c) => c.function.name === 'issue_refund')
        ? "billing's second request carries the dropped call"
        : undefined;
    },
  },
  'an ordinary call between two gated ones: approvals in call order, one rejected': {
    difference:
      "the SDK runs a reply's ordinary call at once and asks for the approvals after it; the " +
      'engine holds the whole batch until every approval is answered',
    check: divergesAt({
      at: 2,
      engine: [
        'approval requested by clerk for issue_refund({"order":"A-7"})',
        'approval requested by clerk for issue_refund({"order":"B-2"})',
        'clerk calls issue_refund({"order":"A-7"})',
        'clerk calls lookup_order({"order":"B-2"})',
      ],
      side: [
        'clerk calls lookup_order({"order":"B-2"})',
        'approval requested by clerk for issue_refund({"order":"A-7"})',
        'approval requested by clerk for issue_refund({"order":"B-2"})',
        'clerk calls issue_refund({"order":"A-7"})',
      ],
      rejoin: true,
    }),
  },
  'loop guard: maxHandoffsPerTurn 3 and a fourth handoff in the same turn': {
    difference:
      "the export's loop guard refuses the handoff in onHandoff: the run fails with loop_guard " +
      'without answering the refused call; the engine answers it "Error: handoff limit of 3 ' +
      'reached." first',
    check: divergesAt({
      at: 8,
      engine: [
        'pong calls handoff_to_ping({}) -> "Error: handoff limit of 3 reached."',
        'ends failed: loop_guard',
      ],
      side: ['ends failed: loop_guard'],
    }),
  },
  'two handoff calls in one reply': {
    difference:
      'the first handoff wins on both sides; the SDK drops the second call from the history ' +
      'instead of answering it "Ignored: only one handoff per reply."',
    check: divergesAt({
      at: 2,
      engine: ['a calls handoff_to_c({}) -> "Ignored: only one handoff per reply."'],
      side: [],
      rejoin: true,
    }),
  },
  'tool arguments that are not valid JSON': {
    difference:
      'the error result differs in wording: the SDK answers "An error occurred while parsing ' +
      'tool arguments. …", the engine "Error: invalid JSON arguments."; the run goes on alike',
    check: divergesAt({
      at: 2,
      engine: ['clerk calls lookup("{\\"order\\": ") -> "Error: invalid JSON arguments."'],
      side: [
        'clerk calls lookup("{\\"order\\": ") -> "An error occurred while parsing tool arguments.',
      ],
      rejoin: true,
    }),
  },
  'a handoff call whose arguments are not valid JSON': {
    difference:
      'the SDK takes a handoff whatever its arguments (its handoff tools read none); the engine ' +
      'refuses arguments that are not JSON and calls the agent again',
    check: divergesAt({
      at: 2,
      engine: [
        'clerk calls handoff_to_manager("{bad") -> "Error: invalid JSON arguments."',
        'clerk answers "Let me try that again later."',
      ],
      side: ['handoff clerk -> manager', 'manager answers "Manager here."'],
    }),
  },
  'a handoff call with a "reason" argument': {
    difference:
      'the export\'s handoff tools take no arguments (the engine\'s take an optional "reason"); ' +
      'the SDK accepts a call that passes one all the same: same route, same model input',
    check: (observed) => {
      const difference = differenceOf(observed);
      if (difference) return `step ${difference.step}: ${difference.engine} / ${difference.side}`;
      if (!hasReason(handoffParameters(observed.engineRequests, 'handoff_to_pong'))) {
        return 'the engine offered no "reason" parameter';
      }
      if (hasReason(handoffParameters(observed.sideRequests, 'handoff_to_pong'))) {
        return 'the SDK side offered a "reason" parameter';
      }
      return modelInputDifference(
        observed.engineRequests,
        observed.sideRequests,
        'Agents SDK TS',
        joinTextAndCalls,
      );
    },
  },
};
