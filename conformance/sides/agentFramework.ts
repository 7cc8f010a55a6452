/**
 * The Agent Framework side: the exported Python module (`--to python`) built with
 * `build_workflow(OpenAIChatCompletionClient(...))` in the project's `.venv`, run by one long-lived
 * `driver.py` process. Its documented rules: AF ends a run idle, without a reason; it streams a
 * reply's calls before their results; and the model-input rules of modelInput.ts.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportWorkflow } from '../../src/model/export';
import { handoffTools } from '../compare';
import { INPUT_RULES, modelInputDifference } from '../modelInput';
import { PythonDriver } from '../pythonDriver';
import { afReplies, asAgentFramework, ORDER_RULE } from '../replyOrder';
import { afResumeProblems } from '../resume';
import type { Side } from '../side';
import { terminalChecks } from '../terminal';
import { afSteps } from '../trace';
import { ensureVenv } from '../venv';

const ROOT = resolve(import.meta.dirname, '../..');

/** Agent Framework's end that matches the engine's, when they differ only in the reason. */
const AF_END: Record<string, string> = {
  'completed: termination_condition': 'idle',
  'completed: terminal_agent': 'idle',
  'completed: user_terminated': 'user_terminated',
  paused: 'paused',
};

/** Starts the AF side: the venv (created when needed) and the driver process. */
export async function agentFrameworkSide(log: (line: string) => void): Promise<Side> {
  const python = ensureVenv(ROOT, log);
  const driver = await PythonDriver.start(python);
  return {
    name: 'af',
    label: 'AF',
    rules: [
      'AF ends a run idle, without a reason: idle = completed by a termination condition or a terminal agent',
      ORDER_RULE,
      ...INPUT_RULES,
    ],
    endOf: (how) => AF_END[how],
    inputDifference: (engine, side) => modelInputDifference(engine, side),
    replyOrder: asAgentFramework,
    async run(scenario, index, baseURL, { dir }) {
      const module = join(dir, `scenario_${index}.py`);
      writeFileSync(module, exportWorkflow(scenario.doc, 'python'));
      const answer = await driver.run({
        module,
        baseURL,
        opening: scenario.opening,
        inputs: scenario.inputs ?? [],
        decisions: scenario.decisions ?? [],
        resumes: scenario.resumes ?? [],
        timeoutSeconds: 60,
      });
      return {
        steps: afSteps(answer.events, handoffTools(scenario.doc)),
        replies: afReplies(answer.events),
        problems: afResumeProblems(answer.events),
      };
    },
    programChecks: ({ server, dir }) => terminalChecks(python, server, dir),
    close: () => driver.close(),
  };
}
