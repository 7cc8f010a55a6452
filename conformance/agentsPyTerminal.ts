/**
 * The exported agents-py module run as a program (its terminal driver, `python module.py`) on the
 * real OpenAI Agents SDK against the conformance server: a 60-turn conversation goes to its end,
 * and the limits the driver enforces (the loop guard, the model-call bound: the SDK's max_turns)
 * end the program with a message and exit 1, never a traceback.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Script } from '../src/engine';
import type { Workflow } from '../src/model';
import { exportWorkflow } from '../src/model/export';
import { handoff, workflow } from './scenario';
import { longConversation as longConversationScenario } from './scenarios/interaction';
import { runProgram, type Program as Ran } from './program';
import type { ConformanceServer } from './server';

interface Program extends Ran {
  /** Model calls the server answered. */
  calls: number;
}

interface Check {
  name: string;
  doc: Workflow;
  script: Script;
  stdin: string;
  judge(program: Program): string | undefined;
}

const pingPong = (termination: Record<string, unknown>): Workflow =>
  workflow({
    name: 'ping_pong',
    agents: ['front', 'back'],
    handoffs: [
      ['front', 'back'],
      ['back', 'front'],
    ],
    termination,
  });
const many = (to: string) => Array.from({ length: 80 }, () => handoff(to));

const stoppedWith = (code: string, calls?: number) => (program: Program) =>
  program.code !== 1
    ? `exit ${program.code}, expected 1`
    : program.stderr.includes('Traceback')
      ? `a traceback: ${program.stderr.slice(0, 300)}`
      : !program.stderr.includes(`Stopped: ${code}`)
        ? `no "Stopped: ${code}" on stderr: ${program.stderr.slice(-300)}`
        : calls !== undefined && program.calls !== calls
          ? `${program.calls} model calls, expected ${calls}`
          : undefined;

function checks(): Check[] {
  const long = longConversationScenario(60);
  return [
    {
      name: 'the agents-py terminal driver holds a 60-turn conversation',
      doc: long.doc,
      script: long.script,
      stdin: `${[long.opening, ...(long.inputs ?? [])].join('\n')}\n`,
      judge: ({ code, stdout, stderr }) =>
        code !== 0
          ? `exit ${code}: ${stderr.slice(-300)}`
          : !stdout.includes('Turn 60 answered.')
            ? 'turn 60 was not answered'
            : !stdout.includes('[workflow finished: user_terminated]')
              ? 'the conversation did not finish'
              : undefined,
    },
    {
      name: 'the loop guard (maxHandoffsPerTurn 3) stops the agents-py program with a message',
      doc: pingPong({ maxHandoffsPerTurn: 3 }),
      script: { front: many('back'), back: many('front') },
      stdin: 'Go.\n',
      judge: stoppedWith('loop_guard', 4),
    },
    {
      name: 'the model-call bound (maxModelCallsPerTurn 5, the SDK max_turns) stops it with a message',
      doc: pingPong({ maxModelCallsPerTurn: 5 }),
      script: { front: many('back'), back: many('front') },
      stdin: 'Go.\n',
      judge: stoppedWith('model_call_limit', 5),
    },
  ];
}

/** Runs the checks; returns one line per check, and whether each held. */
export async function agentsPyTerminalChecks(
  python: string,
  server: ConformanceServer,
  dir: string,
): Promise<Array<{ ok: boolean; line: string }>> {
  const out: Array<{ ok: boolean; line: string }> = [];
  for (const [i, check] of checks().entries()) {
    const module = join(dir, `agents_terminal_${i}.py`);
    writeFileSync(module, exportWorkflow(check.doc, 'agents-py'));
    const instructions = Object.fromEntries(check.doc.agents.map((a) => [a.name, a.instructions]));
    const id = `agents-py-t${i}`;
    const baseURL = server.open(id, instructions, check.script);
    const program = await runProgram(python, [module], baseURL, check.stdin, {
      PYTHONDONTWRITEBYTECODE: '1',
    });
    const problem = check.judge({ ...program, calls: server.session(id).log.length });
    out.push({
      ok: problem === undefined,
      line: `${problem === undefined ? 'holds ' : 'BROKEN'}  ${check.name}${problem ? `: ${problem}` : ''}`,
    });
  }
  return out;
}
