/**
 * Talking to the user: an agent asks and the reply returns to it (or, with returnToPrevious off,
 * to the start agent), tools approved and rejected, and autonomous mode with a turn limit.
 */
import { differenceOf } from '../compare';
import { modelInputDifference } from '../modelInput';
import { call, handoff, say, tool, workflow, type Scenario } from '../scenario';

const refundTool = tool(
  'issue_refund',
  ['order'],
  'Refund issued for order {{order}}.',
  'always_require',
);
const lookupTool = tool('lookup_order', ['order'], 'Order {{order}}: one lamp, paid.');

const desk = (returnToPrevious: boolean) =>
  workflow({
    name: 'desk',
    agents: ['front', { name: 'billing', tools: ['lookup_order', 'issue_refund'] }],
    handoffs: [
      ['front', 'billing'],
      ['billing', 'front'],
    ],
    tools: [lookupTool, refundTool],
    interaction: { returnToPrevious },
  });

/** Turns a conversation of `turns` user messages where each turn takes one handoff. */
export function longConversation(turns: number): Scenario {
  // front and back pass the conversation to and fro; the one that takes it answers the user,
  // whose next message returns to it (returnToPrevious) and is handed over again.
  type Reply = ReturnType<typeof say> | ReturnType<typeof handoff>;
  const front: Reply[] = [];
  const back: Reply[] = [];
  for (let turn = 1; turn <= turns; turn++) {
    const [from, to] = turn % 2 === 1 ? [front, back] : [back, front];
    from.push(handoff(turn % 2 === 1 ? 'back' : 'front'));
    to.push(say(`Turn ${turn} answered.`));
  }
  return {
    name: `a long conversation: ${turns} user turns of one handoff each`,
    doc: workflow({
      name: 'long',
      agents: ['front', 'back'],
      handoffs: [
        ['front', 'back'],
        ['back', 'front'],
      ],
    }),
    opening: 'Turn 1.',
    script: { front, back },
    inputs: [...Array.from({ length: turns - 1 }, (_, i) => `Turn ${i + 2}.`), ''],
  };
}

export const INTERACTION: Scenario[] = [
  // Agent Framework counts supersteps over a whole run (100 at most) and answering a request does
  // not reset the count: without the export's reset per user turn this dies at turn 34.
  longConversation(60),

  {
    name: 'an agent asks the user; the reply returns to it (returnToPrevious)',
    doc: desk(true),
    opening: 'I was charged twice.',
    script: {
      front: [handoff('billing', 'Billing will help.')],
      billing: [
        say('Which order number?'),
        call('lookup_order', { order: 'A-7' }),
        say('Order A-7 was a lamp; I see the double charge.'),
      ],
    },
    inputs: ['A-7', ''],
  },
  {
    name: 'returnToPrevious off: the reply goes to the start agent',
    doc: desk(false),
    opening: 'I was charged twice.',
    script: {
      front: [handoff('billing'), say('Front desk here: anything else?')],
      billing: [say('Which order number?')],
    },
    inputs: ['A-7', ''],
  },
  {
    name: 'approval approved: the tool runs once and the agent goes on',
    doc: desk(true),
    opening: 'Refund order A-7.',
    script: {
      front: [handoff('billing')],
      billing: [call('issue_refund', { order: 'A-7' }), say('Refunded.')],
    },
    decisions: [true],
    inputs: [''],
  },
  {
    name: 'approval rejected: the call gets the rejection and the agent goes on',
    doc: desk(true),
    opening: 'Refund order A-7.',
    script: {
      front: [handoff('billing')],
      billing: [call('issue_refund', { order: 'A-7' }), say('The refund was not approved.')],
    },
    decisions: [false],
    inputs: [''],
  },
  {
    name: 'a tool and its approval in a reply that also hands off: the handoff waits, then passes',
    doc: desk(true),
    opening: 'Refund order A-7, then back to the front.',
    script: {
      front: [handoff('billing'), say('Back at the front desk.')],
      billing: [
        {
          toolCalls: [
            { name: 'issue_refund', arguments: { order: 'A-7' } },
            { name: 'handoff_to_front', arguments: {} },
          ],
        },
      ],
    },
    decisions: [true],
    inputs: [''],
  },
  {
    name: 'an approval batch with text and a handoff: the handoff waits for the approval',
    doc: desk(true),
    opening: 'Refund order A-7, then back to the front.',
    script: {
      front: [handoff('billing'), say('Front desk: the refund is done.')],
      billing: [
        {
          text: 'Refunding A-7, then back to the front.',
          toolCalls: [
            { name: 'issue_refund', arguments: { order: 'A-7' } },
            { name: 'handoff_to_front', arguments: {} },
          ],
        },
      ],
    },
    decisions: [true],
    inputs: [''],
    documented: {
      af: {
        difference:
          'the text of an approval-gated reply is not shared on AF (as in "a gated reply with ' +
          'text, then a handoff"): same route; front, called after the handoff, sees one message less',
        check: (observed) => {
          const difference = differenceOf(observed);
          if (difference)
            return `step ${difference.step}: ${difference.engine} / ${difference.side}`;
          const seen = modelInputDifference(observed.engineRequests, observed.sideRequests);
          const documented =
            'model call 3, message 5: engine assistant (billing) "Refunding A-7, then back to the front." / AF (none)';
          return seen === documented ? undefined : `what the agents see: ${seen ?? 'the same'}`;
        },
      },
    },
  },
  {
    name: 'a gated call and a handoff in one reply, then the same agent again: its request is whole',
    doc: desk(true),
    opening: 'Refund order A-7, then back to the front.',
    script: {
      front: [handoff('billing'), say('Front desk: anything else?'), handoff('billing')],
      billing: [
        {
          toolCalls: [
            { name: 'issue_refund', arguments: { order: 'A-7' } },
            { name: 'handoff_to_front', arguments: {} },
          ],
        },
        say('Billing again: how can I help?'),
      ],
    },
    decisions: [true],
    inputs: ['Back to billing, please.', ''],
  },
  {
    name: 'autonomous mode with a turn limit of 2: three replies, then the user is asked',
    doc: workflow({
      name: 'autonomous',
      agents: ['planner', 'worker'],
      handoffs: [
        ['planner', 'worker'],
        ['worker', 'planner'],
      ],
      interaction: {
        mode: 'autonomous',
        autonomousAgents: ['worker'],
        turnLimits: { worker: 2 },
      },
    }),
    opening: 'Plan and do the work.',
    script: {
      planner: [handoff('worker', 'Worker, go.'), say('Planner: all done?')],
      worker: [
        say('Step 1 done.'),
        say('Step 2 done.'),
        say('Step 3 done.'),
        say('Continuing after your reply.'),
        handoff('planner'),
      ],
    },
    inputs: ['Carry on.', ''],
  },
];
