/** Every conformance scenario, in the order they run. */
import { withAgentsPyDocumented } from '../agentsPyDocumented';
import type { Scenario } from '../scenario';
import { DIFFERENCES } from './differences';
import { EXAMPLES } from './examples';
import { INTERACTION } from './interaction';
import { ORDER } from './order';
import { RESUME } from './resume';
import { TERMINATION } from './termination';
import { TOPOLOGIES } from './topologies';

export const SCENARIOS: Scenario[] = withAgentsPyDocumented([
  ...EXAMPLES,
  ...TOPOLOGIES,
  ...INTERACTION,
  ...ORDER,
  ...RESUME,
  ...TERMINATION,
  ...DIFFERENCES,
]);
