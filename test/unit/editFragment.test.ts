import { describe, expect, it } from 'vitest';
import {
  copyFragment,
  duplicateAgents,
  fragmentToText,
  parseFragment,
  pasteFragment,
} from '../../src/model/edit';
import { serializeWorkflow, validateWorkflow } from '../../src/model';
import { doc } from '../support/docs';

const sample = () =>
  doc({
    startAgent: 'triage',
    agents: [
      { name: 'triage', instructions: 'x', position: { x: 0, y: 0 } },
      { name: 'refund', instructions: 'x', tools: ['pay'], position: { x: 300, y: 0 } },
      { name: 'orders', instructions: 'x' },
    ],
    handoffs: [
      { source: 'triage', target: 'refund', description: 'Money' },
      { source: 'refund', target: 'orders' },
    ],
    tools: [{ name: 'pay', description: 'Pays', approval: 'always_require' }],
  });

describe('copy and paste', () => {
  it('copies agents with the edges among them and the tools they use', () => {
    const fragment = copyFragment(sample(), ['triage', 'refund']);
    expect(fragment.agents.map((a) => a.name)).toEqual(['triage', 'refund']);
    expect(fragment.handoffs).toEqual([
      { source: 'triage', target: 'refund', description: 'Money' },
    ]);
    expect(fragment.tools.map((t) => t.name)).toEqual(['pay']);
  });

  it('round-trips through clipboard text and accepts a whole document', () => {
    const fragment = copyFragment(sample(), ['refund']);
    expect(parseFragment(fragmentToText(fragment))).toEqual(fragment);
    const whole = parseFragment(serializeWorkflow(sample()));
    expect(whole?.agents).toHaveLength(3);
    expect(parseFragment('hello')).toBeUndefined();
    expect(parseFragment('{"format":"handoff-workflow-fragment","version":1}')).toBeUndefined();
  });

  it('pastes with unique names, renamed edges, shared tools and an offset', () => {
    const d = sample();
    const result = pasteFragment(d, copyFragment(d, ['triage', 'refund']), { x: 40, y: 40 });
    expect(result.agents).toEqual(['triage_2', 'refund_2']);
    expect(result.edges).toEqual([2]);
    expect(result.doc.handoffs[2]).toEqual({
      source: 'triage_2',
      target: 'refund_2',
      description: 'Money',
    });
    expect(result.doc.tools).toHaveLength(1); // identical tool reused
    expect(result.doc.agents[4]).toMatchObject({ tools: ['pay'], position: { x: 340, y: 40 } });
    expect(validateWorkflow(result.doc).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('adds a clashing, different tool under a new name', () => {
    const d = sample();
    const other = doc({
      agents: [{ name: 'a', tools: ['pay'] }],
      tools: [{ name: 'pay', description: 'Something else' }],
    });
    const result = pasteFragment(d, copyFragment(other, ['a']));
    expect(result.doc.tools.map((t) => t.name)).toEqual(['pay', 'pay_2']);
    expect(result.doc.agents[3]).toMatchObject({ name: 'a', tools: ['pay_2'] });
  });

  it('duplicates agents next to the originals', () => {
    const result = duplicateAgents(sample(), ['refund', 'orders']);
    expect(result.agents).toEqual(['refund_2', 'orders_2']);
    expect(result.doc.handoffs.at(-1)).toEqual({ source: 'refund_2', target: 'orders_2' });
  });
});
