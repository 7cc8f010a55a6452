/** Every conformance scenario, in the order they run. */
import type { Scenario } from '../scenario';
import { EXAMPLES } from './examples';

export const SCENARIOS: Scenario[] = [...EXAMPLES];
