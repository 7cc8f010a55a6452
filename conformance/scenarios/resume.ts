/**
 * Pause and resume (docs/spec/run-semantics.md, docs/spec/events.md#order): the run pauses when
 * the answers run out and goes on from its checkpoint with the next answers — the engine like the
 * CLI's `resume`, Agent Framework from the pause's checkpoint in a workflow built anew. Both must
 * re-announce the open requests with their ids (resume.ts), make no model call twice and skip
 * none (the step trace and the model input), and end alike.
 */
import { call, handoff, say, tool, workflow, type Scenario } from '../scenario';
import { longConversation } from './interaction';

const refund = tool(
  'issue_refund',
  ['order'],
  'Refund issued for order {{order}}.',
  'always_require',
);

const desk = workflow({
  name: 'desk',
  agents: ['front', { name: 'billing', tools: ['issue_refund'] }],
  handoffs: [
    ['front', 'billing'],
    ['billing', 'front'],
  ],
  tools: [refund],
});

/**
 * A 40-turn conversation paused before turn 21 and resumed. AF restores the superstep count from
 * the checkpoint, so without the export's reset per user turn this dies at turn 34 all the same.
 */
function longConversationResumed(): Scenario {
  const whole = longConversation(40);
  const inputs = whole.inputs ?? [];
  return {
    ...whole,
    name: 'a long conversation of 40 turns, paused at turn 21 and resumed from the checkpoint',
    inputs: inputs.slice(0, 19),
    resumes: [{ inputs: inputs.slice(19) }],
  };
}

export const RESUME: Scenario[] = [
  longConversationResumed(),
  {
    name: 'paused on an input request, resumed twice: the request is re-announced each time',
    doc: desk,
    opening: 'I was charged twice.',
    script: {
      front: [handoff('billing', 'Billing will help.')],
      billing: [say('Which order number?'), say('Thanks, A-7 noted. Anything else?')],
    },
    resumes: [{}, { inputs: ['A-7', ''] }],
  },
  {
    name: 'paused on an approval, resumed: approved, the tool runs once, the agent goes on',
    doc: desk,
    opening: 'Refund order A-7.',
    script: {
      front: [handoff('billing'), say('Front desk again: anything else?')],
      billing: [call('issue_refund', { order: 'A-7' }), say('Refunded.'), handoff('front')],
    },
    resumes: [{ decisions: [true], inputs: ['Back to the front, please.'] }, { inputs: [''] }],
  },
  {
    name: 'two approvals answered one per invocation: the first answer survives the pause',
    doc: desk,
    opening: 'Refund A-7 and B-2.',
    script: {
      front: [handoff('billing')],
      billing: [
        {
          toolCalls: [
            { name: 'issue_refund', arguments: { order: 'A-7' } },
            { name: 'issue_refund', arguments: { order: 'B-2' } },
          ],
        },
        say('A-7 is refunded; B-2 was not approved.'),
      ],
    },
    decisions: [true],
    resumes: [{ decisions: [false], inputs: [''] }],
  },
];
