/**
 * The order of events within a reply (replyOrder.ts): several calls in one reply, with and without
 * approvals. The step trace and the model input are compared as for every scenario; these make
 * the reply-order comparison see more than one ordinary call in a reply.
 */
import { handoff, say, tool, workflow, type Scenario } from '../scenario';

const lookup = tool('lookup_order', ['order'], 'Order {{order}}: one lamp, paid.');
const stock = tool('check_stock', ['item'], 'Item {{item}}: 3 in stock.');
const refund = tool(
  'issue_refund',
  ['order'],
  'Refund issued for order {{order}}.',
  'always_require',
);

const shop = workflow({
  name: 'shop',
  agents: [{ name: 'clerk', tools: ['lookup_order', 'check_stock', 'issue_refund'] }, 'manager'],
  handoffs: [['clerk', 'manager']],
  tools: [lookup, stock, refund],
});

export const ORDER: Scenario[] = [
  {
    name: 'three calls and text in one reply: each result in call order, then a handoff',
    doc: shop,
    opening: 'Where is order A-7, and is the lamp in stock?',
    script: {
      clerk: [
        {
          text: 'Let me check.',
          toolCalls: [
            { name: 'lookup_order', arguments: { order: 'A-7' } },
            { name: 'check_stock', arguments: { item: 'lamp' } },
            { name: 'lookup_order', arguments: { order: 'B-2' } },
          ],
        },
        handoff('manager', 'The manager decides.'),
      ],
      manager: [say('Both orders are fine.')],
    },
    inputs: [''],
  },
  {
    name: 'an ordinary call between two gated ones: approvals in call order, one rejected',
    doc: shop,
    opening: 'Refund A-7 and B-2.',
    script: {
      clerk: [
        {
          text: 'Refunding both.',
          toolCalls: [
            { name: 'issue_refund', arguments: { order: 'A-7' } },
            { name: 'lookup_order', arguments: { order: 'B-2' } },
            { name: 'issue_refund', arguments: { order: 'B-2' } },
          ],
        },
        say('A-7 is refunded; B-2 was not approved.'),
      ],
    },
    decisions: [true, false],
    inputs: [''],
  },
];
