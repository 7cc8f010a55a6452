/**
 * The exported module run as a program (its terminal driver, `python module.py`), on the real
 * Agent Framework against the conformance server: what a person who runs the export sees. A long
 * conversation goes on past Agent Framework's per-run superstep limit (the driver's
 * `start_user_turn`), and a turn that still reaches the limit ends with a message and exit 1,
 * never a traceback.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportWorkflow } from '../src/model/export';
import type { Script } from '../src/engine';
import type { Workflow } from '../src/model';
import { handoff, workflow } from './scenario';
import { longConversation as longConversationScenario } from './scenarios/interaction';
import { runProgram, type Program } from './program';
import type { ConformanceServer } from './server';

const pingPong = (maxHandoffsPerTurn?: number): Workflow =>
  workflow({
    name: 'ping_pong',
    agents: ['front', 'back'],
    handoffs: [
      ['front', 'back'],
      ['back', 'front'],
    ],
    ...(maxHandoffsPerTurn ? { termination: { maxHandoffsPerTurn } } : {}),
  });

interface Check {
  name: string;
  doc: Workflow;
  script: Script;
  stdin: string;
  judge(program: Program): string | undefined;
}

/** The conformance scenario of a long conversation, typed into the terminal driver. */
function longConversation(turns: number): Check {
  const scenario = longConversationScenario(turns);
  return {
    name: `the terminal driver holds a ${turns}-turn conversation`,
    doc: scenario.doc,
    script: scenario.script,
    stdin: `${[scenario.opening, ...(scenario.inputs ?? [])].join('\n')}\n`,
    judge: ({ code, stdout, stderr }) =>
      code !== 0
        ? `exit ${code}: ${stderr.slice(-300)}`
        : !stdout.includes(`Turn ${turns} answered.`)
          ? `turn ${turns} was not answered`
          : !stdout.includes('[workflow finished]')
            ? 'the conversation did not finish'
            : undefined,
  };
}

function limitInOneTurn(): Check {
  const many = (to: string) => Array.from({ length: 80 }, () => handoff(to));
  return {
    name: "a turn that still reaches AF's superstep limit ends with a message, not a traceback",
    doc: pingPong(500),
    script: { front: many('back'), back: many('front') },
    stdin: 'Go.\n',
    judge: ({ code, stderr }) =>
      code !== 1
        ? `exit ${code}, expected 1`
        : stderr.includes('Traceback')
          ? `a traceback: ${stderr.slice(0, 300)}`
          : !/Stopped: .*(superstep|converge)/i.test(stderr)
            ? `no message about the superstep limit on stderr: ${stderr.slice(-300)}`
            : undefined,
  };
}

/** Runs the checks; returns one line per check, and whether each held. */
export async function terminalChecks(
  python: string,
  server: ConformanceServer,
  dir: string,
): Promise<Array<{ ok: boolean; line: string }>> {
  const out: Array<{ ok: boolean; line: string }> = [];
  for (const [i, check] of [longConversation(60), limitInOneTurn()].entries()) {
    const module = join(dir, `terminal_${i}.py`);
    writeFileSync(module, exportWorkflow(check.doc, 'python'));
    const instructions = Object.fromEntries(check.doc.agents.map((a) => [a.name, a.instructions]));
    const baseURL = server.open(`t${i}`, instructions, check.script);
    const problem = check.judge(await runProgram(python, [module], baseURL, check.stdin));
    out.push({
      ok: problem === undefined,
      line: `${problem === undefined ? 'holds ' : 'BROKEN'}  ${check.name}${problem ? `: ${problem}` : ''}`,
    });
  }
  return out;
}
