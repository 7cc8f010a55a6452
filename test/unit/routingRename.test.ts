/**
 * Renaming an agent or a tool rewrites the routing tests' references (route patterns included);
 * deleting one leaves them, and they show as validation issues.
 */
import { describe, expect, it } from 'vitest';
import { deleteAgents, renameAgent } from '../../src/model/editAgents';
import { deleteTool, renameTool } from '../../src/model/editTools';
import { isTestIssue, validateWorkflow, type Workflow } from '../../src/model';
import { makeDoc } from '../support/engineHarness';

const doc: Workflow = {
  ...makeDoc({
    agents: ['triage', 'refund', 'order'],
    handoffs: [
      ['triage', 'refund'],
      ['triage', 'order'],
    ],
    tools: [{ name: 'lookup_order' }, { name: 'other' }],
  }),
  tests: [
    {
      id: 'refund',
      name: 'refunds go to refund',
      turns: ['I want a refund'],
      expect: {
        route: 'triage > (refund | order) > refund*',
        reaches: ['refund', 'triage'],
        avoids: ['refund'],
        avoidsHandoffs: [{ source: 'refund', target: 'triage' }],
        endAgent: 'refund',
        tools: [{ name: 'lookup_order', agent: 'refund' }, { name: 'other' }],
        messages: [{ agent: 'refund', contains: 'refund' }],
      },
    },
    { id: 'untouched', name: 'x', turns: ['hi'], expect: { route: 'triage > order' } },
  ],
};

describe('renames reach the tests', () => {
  it('renaming an agent rewrites every reference, text and ids aside', () => {
    const next = renameAgent(doc, 'refund', 'money');
    expect(next.tests![0]).toEqual({
      id: 'refund',
      name: 'refunds go to refund',
      turns: ['I want a refund'],
      expect: {
        route: 'triage > (money | order) > money*',
        reaches: ['money', 'triage'],
        avoids: ['money'],
        avoidsHandoffs: [{ source: 'money', target: 'triage' }],
        endAgent: 'money',
        tools: [{ name: 'lookup_order', agent: 'money' }, { name: 'other' }],
        messages: [{ agent: 'money', contains: 'refund' }],
      },
    });
    expect(next.tests![1]).toBe(doc.tests![1]);
    expect(validateWorkflow(next).filter(isTestIssue)).toEqual([]);
  });

  it('a rename that touches no test keeps the tests array', () => {
    const plain = { ...doc, tests: [doc.tests![1]!] };
    expect(renameAgent(plain, 'refund', 'money').tests).toBe(plain.tests);
    expect(renameAgent(makeDoc({ agents: ['a'] }), 'a', 'b').tests).toBeUndefined();
  });

  it('renaming a tool rewrites the tool expectations', () => {
    const next = renameTool(doc, 'lookup_order', 'find_order');
    expect(next.tests![0]!.expect.tools).toEqual([
      { name: 'find_order', agent: 'refund' },
      { name: 'other' },
    ]);
    expect(next.tests![1]).toBe(doc.tests![1]);
  });

  it('deleting an agent or a tool leaves the references, as issues', () => {
    const gone = deleteTool(deleteAgents(doc, ['order']), 'other');
    expect(gone.tests).toEqual(doc.tests);
    const issues = validateWorkflow(gone).filter(isTestIssue);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown_test_agent', 'tests[0].expect.route'],
      ['unknown_test_tool', 'tests[0].expect.tools[1].name'],
      ['unknown_test_agent', 'tests[1].expect.route'],
    ]);
  });
});
