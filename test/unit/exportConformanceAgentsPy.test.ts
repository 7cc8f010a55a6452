/**
 * The agents-py side's documented differences (conformance/agentsPyDocumented.ts): they reach the
 * scenarios they name under `documented["agents-py"]` only, a name that matches no scenario is an
 * error, and the one model-input rule of its own strips the engine's assistant author names and
 * nothing else.
 */
import { describe, expect, it } from 'vitest';
import { AGENTS_PY_DIFFERENCES, withoutAuthorNames } from '../../conformance/agentsPyDocumented';
import type { Scenario } from '../../conformance/scenario';
import { SCENARIOS, withDocumented } from '../../conformance/scenarios';
import { makeDoc } from '../support/engineHarness';

const scenario = (name: string): Scenario => ({
  name,
  doc: makeDoc({ agents: ['a'] }),
  script: {},
  opening: 'Hello.',
});

describe('agents-py documented differences', () => {
  it('are attached to the scenarios they name, beside the other sides', () => {
    const loopGuard = SCENARIOS.find((s) => s.name.startsWith('loop guard:'))!;
    expect(loopGuard.documented?.['agents-py']?.difference).toMatch(/on_handoff/);
    expect(loopGuard.documented?.af).toBeDefined();
    const documented = SCENARIOS.filter((s) => s.documented?.['agents-py']);
    expect(documented.map((s) => s.name)).toHaveLength(4);
    const plain = SCENARIOS.find((s) => s.name.startsWith('chain of 5'))!;
    expect(plain.documented?.['agents-py']).toBeUndefined();
  });

  it('refuse a scenario name that no longer exists', () => {
    expect(() =>
      withDocumented([scenario('something else')], 'agents-py', AGENTS_PY_DIFFERENCES),
    ).toThrow(/agents-py: no scenario named an ordinary call between two gated ones/);
  });
});

describe('withoutAuthorNames', () => {
  it('drops the name of assistant messages only, keeping everything else', () => {
    const bodies = [
      {
        model: 'gpt-test',
        messages: [
          { role: 'system', content: 'You are b.' },
          { role: 'user', content: 'Hi', name: 'someone' },
          { role: 'assistant', content: 'From a.', name: 'a' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1' }] },
          { role: 'tool', tool_call_id: 'c1', content: 'ok' },
        ],
      },
    ];
    expect(withoutAuthorNames(bodies)).toEqual([
      {
        model: 'gpt-test',
        messages: [
          { role: 'system', content: 'You are b.' },
          { role: 'user', content: 'Hi', name: 'someone' },
          { role: 'assistant', content: 'From a.' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1' }] },
          { role: 'tool', tool_call_id: 'c1', content: 'ok' },
        ],
      },
    ]);
  });
});
