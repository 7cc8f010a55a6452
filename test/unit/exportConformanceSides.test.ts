/**
 * The conformance harness with N sides (conformance/side.ts): a verdict reads the scenario's
 * documented difference of its own side only, ends through the side's `endOf`, reports under
 * the side's label; the results table has one column per side.
 */
import { describe, expect, it } from 'vitest';
import { joinTextAndCalls } from '../../conformance/modelInput';
import type { Observed, Scenario } from '../../conformance/scenario';
import { SCENARIOS, withDocumented } from '../../conformance/scenarios';
import { resultsTable } from '../../conformance/table';
import type { Step } from '../../conformance/trace';
import { divergesAt, verdictOf } from '../../conformance/verdict';
import { makeDoc } from '../support/engineHarness';

const answer = (text: string): Step => ({ kind: 'answer', agent: 'a', text });
const engine: Step[] = [answer('Hi.'), { kind: 'end', how: 'completed: termination_condition' }];

function observed(side: Step[], endOf: Observed['endOf']): Observed {
  return {
    engine,
    side,
    engineRequests: [],
    sideRequests: [],
    engineReplies: [],
    sideReplies: [],
    endOf,
  };
}

const identity = (how: string) => how;
const idle = (how: string) => (how.startsWith('completed') ? 'idle' : how);
const sideOf = (name: string, label: string) => ({
  name,
  label,
  inputDifference: () => undefined,
  replyOrder: (tokens: readonly string[]) => [...tokens],
});
const scenario: Scenario = {
  name: 'greeting',
  doc: makeDoc({ agents: ['a'] }),
  script: {},
  opening: 'Hello.',
  documented: {
    af: {
      difference: 'AF says bye',
      check: divergesAt({ at: 1, engine: ['a answers "Hi."'], side: ['a answers "Bye."'] }),
    },
  },
};

describe('conformance sides', () => {
  it("reads the engine's end through the side's endOf", () => {
    const ts = sideOf('agents-ts', 'Agents SDK TS');
    const same = [answer('Hi.'), { kind: 'end', how: 'completed: termination_condition' } as Step];
    expect(verdictOf(scenario, ts, observed(same, identity), []).kind).toBe('agrees');
    // The same trace on a side whose ends are idle does not agree.
    const verdict = verdictOf(scenario, ts, observed(same, idle), []);
    expect(verdict.kind).toBe('differs');
    expect(verdict.line).toContain('DIFFERS [Agents SDK TS] greeting at step 2');
  });

  it('applies a documented difference to its own side only', () => {
    const bye = [answer('Bye.'), { kind: 'end', how: 'idle' } as Step];
    const af = verdictOf(scenario, sideOf('af', 'AF'), observed(bye, idle), []);
    expect(af.kind).toBe('documented');
    expect(af.line).toContain('differs as documented  [AF] greeting: AF says bye');
    const ts = verdictOf(scenario, sideOf('agents-ts', 'TS'), observed(bye, idle), []);
    expect(ts.kind).toBe('differs');
  });

  it('fails a side whose difference is not the documented one', () => {
    const other = [answer('Hello there.'), { kind: 'end', how: 'idle' } as Step];
    const af = verdictOf(scenario, sideOf('af', 'AF'), observed(other, idle), []);
    expect(af.ok).toBe(false);
    expect(af.line).toContain('not the documented difference');
  });

  it('prints one column per side in the results table', () => {
    const table = resultsTable(
      new Map([
        [
          'a | b',
          new Map([
            ['af', 'agrees' as const],
            ['agents-ts', 'documented' as const],
          ]),
        ],
      ]),
      [sideOf('af', 'AF'), sideOf('agents-ts', 'Agents SDK TS'), sideOf('agents-py', 'Py')],
    );
    expect(table.split('\n')).toEqual([
      '| Scenario | AF | Agents SDK TS | Py |',
      '|---|---|---|---|',
      '| a \\| b | agrees | differs as documented | — |',
    ]);
  });

  it("attaches a side's documented differences by scenario name, refusing unknown names", () => {
    const documented = { difference: 'x', check: () => undefined };
    const [first] = withDocumented([scenario], 'agents-ts', { greeting: documented });
    expect(Object.keys(first!.documented ?? {})).toEqual(['af', 'agents-ts']);
    expect(() => withDocumented([scenario], 'agents-ts', { 'no such': documented })).toThrow(
      'agents-ts: no scenario named no such',
    );
    expect(SCENARIOS.filter((s) => s.documented?.['agents-ts']).length).toBeGreaterThanOrEqual(8);
  });

  it("compares the Agents SDK's text message and calls message as one assistant message", () => {
    const calls = [{ id: 'c1', type: 'function', function: { name: 't', arguments: '{}' } }];
    expect(
      joinTextAndCalls([
        { role: 'user', content: 'Hi.' },
        { role: 'assistant', content: 'Let me check.' },
        { role: 'assistant', content: null, tool_calls: calls },
        { role: 'assistant', content: 'Other.', name: 'b' },
        { role: 'assistant', content: null, tool_calls: calls },
      ]),
    ).toEqual([
      { role: 'user', content: 'Hi.' },
      { role: 'assistant', content: 'Let me check.', tool_calls: calls },
      { role: 'assistant', content: 'Other.', name: 'b' },
      { role: 'assistant', content: null, tool_calls: calls },
    ]);
  });
});
