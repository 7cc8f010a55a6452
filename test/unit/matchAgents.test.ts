import { describe, expect, it } from 'vitest';
import { handoffTargets, matchAgents } from '../../src/ui/find/matchAgents';

const agents = [
  { name: 'triage_agent', description: 'Routes customer issues.' },
  { name: 'refund_agent', description: 'Handles refunds for orders.' },
  { name: 'order_agent', description: 'Answers questions about ORDER status.' },
  { name: 'Reviewer', description: 'Checks the triage.' },
];
const names = (q: string) => matchAgents(agents, q).map((a) => a.name);

describe('matchAgents', () => {
  it('matches names and descriptions, case-insensitively, as substrings', () => {
    expect(names('REFUND')).toEqual(['refund_agent']);
    expect(names('customer')).toEqual(['triage_agent']);
    expect(names('review')).toEqual(['Reviewer']);
  });

  it('ranks name prefixes, then names, then descriptions', () => {
    expect(names('order')).toEqual(['order_agent', 'refund_agent']);
    expect(names('tria')).toEqual(['triage_agent', 'Reviewer']);
    expect(names('agent')).toEqual(['triage_agent', 'refund_agent', 'order_agent']);
  });

  it('lists every agent for an empty query and none for a miss', () => {
    expect(names('  ')).toHaveLength(4);
    expect(names('zzz')).toEqual([]);
  });
});

describe('handoffTargets', () => {
  it('offers every other agent that the source does not hand off to yet', () => {
    const doc = {
      agents,
      handoffs: [
        { source: 'triage_agent', target: 'refund_agent' },
        { source: 'order_agent', target: 'triage_agent' },
      ],
    };
    expect(handoffTargets(doc, 'triage_agent').map((a) => a.name)).toEqual([
      'order_agent',
      'Reviewer',
    ]);
    expect(handoffTargets(doc, 'refund_agent').map((a) => a.name)).toEqual([
      'triage_agent',
      'order_agent',
      'Reviewer',
    ]);
  });
});
