/**
 * The OpenAI Agents SDK (Python) side: the exported module (`--to agents-py`) built with
 * `build_agents(AsyncOpenAI(...))` in `.venv-agents` and run through its own `Conversation` by one
 * long-lived `agentsPyDriver.py` process (the driver protocol of driver.py). Its documented rules
 * and per-scenario differences are in agentsPyDocumented.ts.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportWorkflow } from '../../src/model/export';
import { ensureAgentsVenv, startAgentsPyDriver } from '../agentsPyDriver';
import { AGENTS_PY_RULES, withoutAuthorNames } from '../agentsPyDocumented';
import { agentsPyTerminalChecks } from '../agentsPyTerminal';
import { handoffTools } from '../compare';
import { modelInputDifference } from '../modelInput';
import { afReplies, asAgentFramework } from '../replyOrder';
import { afResumeProblems } from '../resume';
import type { Side } from '../side';
import { afSteps, type DriverEvent } from '../trace';

const ROOT = resolve(import.meta.dirname, '../..');
const LABEL = 'Agents SDK Python';

/**
 * The export's Conversation ends with the engine's reasons; agentsPyDriver.py adds the reason to
 * the driver protocol's end event, read here as the engine writes an end.
 */
function withReasons(events: readonly DriverEvent[]): DriverEvent[] {
  return events.map((event) => {
    const reason = event.t === 'end' ? (event as { reason?: string }).reason : undefined;
    return reason ? ({ ...event, how: `completed: ${reason}` } as unknown as DriverEvent) : event;
  });
}

/** Starts the agents-py side: `.venv-agents` (created when needed) and the driver process. */
export async function agentsPySide(log: (line: string) => void): Promise<Side> {
  const python = ensureAgentsVenv(ROOT, log);
  const driver = await startAgentsPyDriver(python);
  return {
    name: 'agents-py',
    label: LABEL,
    rules: AGENTS_PY_RULES,
    // The Conversation reports the engine's own ends: they must be the same.
    endOf: (how) => (how.startsWith('completed: ') || how === 'paused' ? how : undefined),
    inputDifference: (engine, side) =>
      modelInputDifference(withoutAuthorNames(engine), side, LABEL),
    replyOrder: asAgentFramework,
    async run(scenario, index, baseURL, { dir }) {
      const module = join(dir, `agents_scenario_${index}.py`);
      writeFileSync(module, exportWorkflow(scenario.doc, 'agents-py'));
      const answer = await driver.run({
        module,
        baseURL,
        opening: scenario.opening,
        inputs: scenario.inputs ?? [],
        decisions: scenario.decisions ?? [],
        resumes: scenario.resumes ?? [],
        timeoutSeconds: 60,
      });
      const events = withReasons(answer.events);
      return {
        steps: afSteps(events, handoffTools(scenario.doc)),
        replies: afReplies(events),
        problems: afResumeProblems(events),
      };
    },
    programChecks: ({ server, dir }) => agentsPyTerminalChecks(python, server, dir),
    close: () => driver.close(),
  };
}
