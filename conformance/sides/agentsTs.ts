/**
 * The Agents SDK (TypeScript) side: the exported module (`--to agents-ts`) run in this process
 * on the real `@openai/agents` (agentsTsDriver.ts), its model a Chat Completions provider pointed
 * at the conformance server. The module is written inside the project (`.tmp/`), so that it
 * imports the project's installed `@openai/agents` as a user's project would.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportWorkflow } from '../../src/model/export';
import { runAgentsTs } from '../agentsTsDriver';
import { agentsTsTerminalChecks } from '../agentsTsTerminal';
import { handoffTools } from '../compare';
import { joinTextAndCalls, modelInputDifference } from '../modelInput';
import { afReplies, asAgentFramework } from '../replyOrder';
import { afResumeProblems } from '../resume';
import type { Side } from '../side';
import { afSteps } from '../trace';

const ROOT = resolve(import.meta.dirname, '../..');
const LABEL = 'Agents SDK TS';

/** The engine's ends the exported runConversation() reports as they are; failures never agree. */
const SAME_END = /^(completed: (termination_condition|terminal_agent|user_terminated)|paused)$/;

export async function agentsTsSide(): Promise<Side> {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.tmp', 'conformance-agents-ts-'));
  return {
    name: 'agents-ts',
    label: LABEL,
    rules: [
      "the module reports the engine's ends (completed with its reason, paused) itself",
      "the SDK streams a reply's calls before their results: the engine's calls are moved first, then the orders must be equal",
      'handoff tools take no arguments (no "reason"): handoff tool parameters are not compared; tools are compared as a set',
      'the SDK answers a handoff {"assistant":"x"}; the module shows the model {"handoff_to":"x"}: results compared as JSON',
      "the SDK sends a reply's text and its tool calls as two consecutive assistant messages: they are compared as one",
    ],
    endOf: (how) => (SAME_END.test(how) ? how : undefined),
    inputDifference: (engine, side) => modelInputDifference(engine, side, LABEL, joinTextAndCalls),
    replyOrder: asAgentFramework,
    async run(scenario, index, baseURL) {
      const module = join(dir, `scenario_${index}.agents.ts`);
      writeFileSync(module, exportWorkflow(scenario.doc, 'agents-ts'));
      const answer = await runAgentsTs({
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
    programChecks: ({ server }) => agentsTsTerminalChecks(server, dir),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
