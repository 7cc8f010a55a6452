/**
 * Validation of routing tests (docs/spec/tests.md#validation): each problem with its stable code,
 * its path, the case id and, in a route pattern, the column; broken tests never stop a run.
 */
import { describe, expect, it } from 'vitest';
import { documentProblems } from '../../src/engine';
import {
  hasErrors,
  isTestIssue,
  validateWorkflow,
  type TestCase,
  type ValidationIssue,
  type Workflow,
} from '../../src/model';
import { makeDoc } from '../support/engineHarness';

const base = makeDoc({
  agents: ['triage', 'refund', 'order'],
  handoffs: [
    ['triage', 'refund'],
    ['triage', 'order'],
  ],
  tools: [{ name: 'lookup_order' }],
});

const withTests = (tests: Array<Partial<TestCase>>): Workflow => ({
  ...base,
  tests: tests.map((t, i) => ({ id: `c${i}`, name: `case ${i}`, turns: ['hi'], expect: {}, ...t })),
});

const testIssues = (doc: Workflow): ValidationIssue[] => validateWorkflow(doc).filter(isTestIssue);
const brief = (i: ValidationIssue) => ({ code: i.code, path: i.path, testCase: i.testCase });

describe('validating tests', () => {
  it('a well-formed case has no issue', () => {
    const doc = withTests([
      {
        expect: {
          route: 'triage > (refund | order) > *',
          reaches: ['refund'],
          avoids: ['order'],
          avoidsHandoffs: [{ source: 'triage', target: 'order' }],
          endAgent: 'refund',
          tools: [{ name: 'lookup_order', agent: 'order' }],
          messages: [{ agent: 'refund', matches: '^refund(ed)?\\b' }],
          maxHandoffs: 0,
          maxModelCalls: 3,
        },
        passRate: 0,
      },
      { id: 'other', passRate: 100 },
    ]);
    expect(testIssues(doc)).toEqual([]);
  });

  it('malformed and duplicate ids', () => {
    const doc = withTests([{ id: 'ok' }, { id: '-bad id' }, { id: 'ok' }]);
    expect(testIssues(doc).map(brief)).toEqual([
      { code: 'invalid_test_id', path: 'tests[1].id', testCase: '-bad id' },
      { code: 'duplicate_test_id', path: 'tests[2].id', testCase: 'ok' },
    ]);
  });

  it('no turns, or an empty opening message', () => {
    const doc = withTests([{ turns: [] }, { turns: ['  ', 'then'] }]);
    expect(testIssues(doc).map(brief)).toEqual([
      { code: 'empty_test_turns', path: 'tests[0].turns', testCase: 'c0' },
      { code: 'empty_test_turns', path: 'tests[1].turns[0]', testCase: 'c1' },
    ]);
  });

  it('a route pattern that does not parse, with its column', () => {
    const [problem, ...rest] = testIssues(withTests([{ expect: { route: 'triage > > refund' } }]));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: 'invalid_route_pattern',
      path: 'tests[0].expect.route',
      column: 10,
      severity: 'warning',
    });
    expect(problem!.message).toMatch(/column 10/);
  });

  it('unknown agents in every field, inside patterns too (with the column)', () => {
    const doc = withTests([
      {
        expect: {
          route: 'triage > ghost',
          reaches: ['refund', 'nobody'],
          avoids: ['x'],
          avoidsHandoffs: [{ source: 'triage', target: 'y' }],
          endAgent: 'z',
          tools: [{ name: 'lookup_order', agent: 'w' }],
          messages: [{ agent: 'v', contains: 'hi' }],
        },
      },
    ]);
    const issues = testIssues(doc);
    expect(issues.every((i) => i.code === 'unknown_test_agent')).toBe(true);
    expect(issues.map((i) => i.path)).toEqual([
      'tests[0].expect.route',
      'tests[0].expect.reaches[1]',
      'tests[0].expect.avoids[0]',
      'tests[0].expect.avoidsHandoffs[0].target',
      'tests[0].expect.endAgent',
      'tests[0].expect.tools[0].agent',
      'tests[0].expect.messages[0].agent',
    ]);
    expect(issues[0]).toMatchObject({ column: 10 });
    expect(issues[0]!.message).toMatch(/"ghost"/);
  });

  it('unknown tools', () => {
    const doc = withTests([
      { expect: { tools: [{ name: 'lookup_order' }, { name: 'refund_it' }] } },
    ]);
    expect(testIssues(doc).map(brief)).toEqual([
      { code: 'unknown_test_tool', path: 'tests[0].expect.tools[1].name', testCase: 'c0' },
    ]);
  });

  it('a regular expression that does not compile, or is too long', () => {
    const doc = withTests([
      {
        expect: {
          messages: [
            { matches: '(unclosed' },
            { matches: 'a'.repeat(201) },
            { matches: 'a'.repeat(200) },
          ],
        },
      },
    ]);
    expect(testIssues(doc).map(brief)).toEqual([
      { code: 'invalid_test_regex', path: 'tests[0].expect.messages[0].matches', testCase: 'c0' },
      { code: 'invalid_test_regex', path: 'tests[0].expect.messages[1].matches', testCase: 'c0' },
    ]);
  });

  it.each([
    ['(a+)+', true],
    ['(a*)*$', true],
    ['(\\d+)*', true],
    ['((ab)+c)*', true],
    ['(a[bc]+)+', true],
    ['(?:a+){2,}', true],
    ['(x|y)+', false],
    ['^refund(ed)?\\b', false],
    ['\\d+ items', false],
    ['[a-z]+(foo)+', false],
    ['(a+){3}', false],
    ['\\(a+\\)+', false],
    ['[(]a+[)]+', false],
  ])('a repeated group holding a repetition (%s) is refused: %s', (matches, refused) => {
    const issues = testIssues(withTests([{ expect: { messages: [{ matches }] } }]));
    expect(issues.map((i) => i.code)).toEqual(refused ? ['invalid_test_regex'] : []);
    if (refused) expect(issues[0]!.message).toMatch(/exponential time/);
  });

  it('a pass rate outside 0–100 and negative limits', () => {
    const doc = withTests([
      { passRate: 101 },
      { passRate: -1 },
      { expect: { maxHandoffs: -1, maxModelCalls: -2 } },
    ]);
    expect(testIssues(doc).map(brief)).toEqual([
      { code: 'invalid_pass_rate', path: 'tests[0].passRate', testCase: 'c0' },
      { code: 'invalid_pass_rate', path: 'tests[1].passRate', testCase: 'c1' },
      { code: 'negative_test_limit', path: 'tests[2].expect.maxHandoffs', testCase: 'c2' },
      { code: 'negative_test_limit', path: 'tests[2].expect.maxModelCalls', testCase: 'c2' },
    ]);
  });

  it('broken tests are warnings: the workflow still runs and exports', () => {
    const doc = withTests([{ turns: [], expect: { route: '(' } }]);
    const issues = validateWorkflow(doc);
    expect(issues.filter(isTestIssue)).toHaveLength(2);
    expect(hasErrors(issues)).toBe(false);
    expect(documentProblems(doc)).toBeUndefined();
  });
});
