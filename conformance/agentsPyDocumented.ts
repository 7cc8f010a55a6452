/**
 * The agents-py side's documented differences (docs/spec/export-agents-sdk.md#python): the rules
 * every comparison applies, and per scenario what differs and the check that it differs exactly so.
 */
import type { ChatRequestBody } from '../test/support/openaiServer';
import type { Scenario } from './scenario';

/** Rules every agents-py comparison applies, printed in the header of the run. */
export const AGENTS_PY_RULES = [
  "The SDK ends a conversation without a reason: the export's Conversation reports it (same mapping as AF: idle = completed)",
  "The SDK streams nothing here (Runner.run): a reply's calls come before their results, as in AF's order",
  "The SDK's Chat Completions converter writes no name on assistant messages: the engine's author names are not compared",
];

/** The engine's request bodies without the assistant `name` the SDK cannot send (a rule above). */
export function withoutAuthorNames(bodies: readonly ChatRequestBody[]): ChatRequestBody[] {
  return bodies.map((body) => ({
    ...body,
    messages: (body.messages ?? []).map((m) => {
      if (m.role !== 'assistant' || !('name' in m)) return m;
      const { name: _name, ...rest } = m;
      return rest as typeof m;
    }),
  }));
}

/** The scenario as the agents-py side is judged: AF's documented differences replaced by its own. */
export function agentsPyScenario(scenario: Scenario): Scenario {
  const { documented: _af, ...rest } = scenario;
  const own = DOCUMENTED.get(scenario.name);
  return own ? { ...rest, documented: own } : rest;
}

const DOCUMENTED = new Map<string, NonNullable<Scenario['documented']>>();
