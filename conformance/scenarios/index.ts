/** Every conformance scenario, in the order they run, with each side's documented differences. */
import { AGENTS_PY_DIFFERENCES } from '../agentsPyDocumented';
import type { Documented, Scenario } from '../scenario';
import { AGENTS_TS_DIFFERENCES } from './agentsTsDifferences';
import { DIFFERENCES } from './differences';
import { EXAMPLES } from './examples';
import { INTERACTION } from './interaction';
import { ORDER } from './order';
import { RESUME } from './resume';
import { TERMINATION } from './termination';
import { TOPOLOGIES } from './topologies';

/**
 * Adds one side's documented differences, kept in a file of that side's and keyed by scenario
 * name, to the scenarios; a name that matches no scenario is an error, not a silent no-op.
 */
export function withDocumented(
  scenarios: Scenario[],
  side: string,
  differences: Readonly<Record<string, Documented>>,
): Scenario[] {
  const names = new Set(scenarios.map((s) => s.name));
  const unknown = Object.keys(differences).filter((name) => !names.has(name));
  if (unknown.length) throw new Error(`${side}: no scenario named ${unknown.join('; ')}`);
  return scenarios.map((s) => {
    const documented = differences[s.name];
    return documented ? { ...s, documented: { ...s.documented, [side]: documented } } : s;
  });
}

export const SCENARIOS: Scenario[] = withDocumented(
  withDocumented(
    [
      ...EXAMPLES,
      ...TOPOLOGIES,
      ...INTERACTION,
      ...ORDER,
      ...RESUME,
      ...TERMINATION,
      ...DIFFERENCES,
    ],
    'agents-ts',
    AGENTS_TS_DIFFERENCES,
  ),
  'agents-py',
  AGENTS_PY_DIFFERENCES,
);
