/**
 * The sides conformance knows, by name (`--side <name>`; all of them by default). A side is
 * started only when selected, so `--side agents-ts` needs no Python.
 */
import type { Side } from '../side';
import { agentFrameworkSide } from './agentFramework';
import { agentsTsSide } from './agentsTs';
import { agentsPySide } from './agentsPy';

type Start = (log: (line: string) => void) => Promise<Side>;

const SIDES: ReadonlyArray<readonly [string, Start]> = [
  ['af', agentFrameworkSide],
  ['agents-ts', agentsTsSide],
  ['agents-py', agentsPySide],
];

export const SIDE_NAMES: readonly string[] = SIDES.map(([name]) => name);

/** Starts the named sides, in the order of SIDES. */
export async function startSides(
  names: readonly string[],
  log: (line: string) => void,
): Promise<Side[]> {
  const started: Side[] = [];
  try {
    for (const [name, start] of SIDES) {
      if (names.includes(name)) started.push(await start(log));
    }
  } catch (error) {
    await Promise.all(started.map((side) => side.close()));
    throw error;
  }
  return started;
}
