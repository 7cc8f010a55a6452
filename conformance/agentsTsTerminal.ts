/**
 * The exported Agents SDK (TypeScript) module run as a program (`tsx module.agents.ts`, its
 * terminal driver) on the real `@openai/agents` against the conformance server: what a person who
 * runs the export sees. A 60-turn conversation typed into it, approvals answered `y`, and a turn
 * that goes over the loop guard ends with a message on stderr and exit 1, never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportWorkflow } from '../src/model/export';
import type { Script } from '../src/engine';
import type { Workflow } from '../src/model';
import { call, handoff, say, tool, workflow } from './scenario';
import { longConversation } from './scenarios/interaction';
import { runProgram, type Program } from './program';
import type { ConformanceServer } from './server';
import type { ProgramCheck } from './side';

const TSX = resolve(import.meta.dirname, '../node_modules/.bin/tsx');

interface Check {
  name: string;
  doc: Workflow;
  script: Script;
  stdin: string;
  judge(program: Program): string | undefined;
}

function conversation(turns: number): Check {
  const scenario = longConversation(turns);
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
          : !stdout.includes('[workflow finished: user_terminated]')
            ? `the conversation did not finish: ${stdout.slice(-200)}`
            : undefined,
  };
}

function approval(): Check {
  return {
    name: 'approvals are asked y/n and the approved tool runs',
    doc: workflow({
      name: 'desk',
      agents: [{ name: 'billing', tools: ['issue_refund'] }],
      tools: [tool('issue_refund', ['order'], 'Refund for {{order}}.', 'always_require')],
      termination: { keywords: ['refunded'] },
    }),
    script: { billing: [call('issue_refund', { order: 'A-7' }), say('A-7 is refunded.')] },
    stdin: 'Refund A-7.\ny\n',
    judge: ({ code, stdout, stderr }) =>
      code !== 0
        ? `exit ${code}: ${stderr.slice(-300)}`
        : !stdout.includes('Approve issue_refund({"order":"A-7"})? [y/n]')
          ? `no approval prompt: ${stdout.slice(-300)}`
          : !stdout.includes('[workflow finished: termination_condition]')
            ? `not ended by the keyword: ${stdout.slice(-300)}`
            : undefined,
  };
}

function loopGuard(): Check {
  const many = (to: string) => Array.from({ length: 5 }, () => handoff(to));
  return {
    name: 'a turn over maxHandoffsPerTurn ends with a message and exit 1, not a stack trace',
    doc: workflow({
      name: 'ping_pong',
      agents: ['front', 'back'],
      handoffs: [
        ['front', 'back'],
        ['back', 'front'],
      ],
      termination: { maxHandoffsPerTurn: 3 },
    }),
    script: { front: many('back'), back: many('front') },
    stdin: 'Go.\n',
    judge: ({ code, stderr }) =>
      code !== 1
        ? `exit ${code}, expected 1`
        : /\n\s+at /.test(stderr)
          ? `a stack trace: ${stderr.slice(0, 300)}`
          : !stderr.includes('(loop_guard)')
            ? `no loop guard message on stderr: ${stderr.slice(-300)}`
            : undefined,
  };
}

/** Runs the checks; one line per check, and whether each held. */
export async function agentsTsTerminalChecks(
  server: ConformanceServer,
  dir: string,
): Promise<ProgramCheck[]> {
  const out: ProgramCheck[] = [];
  for (const [i, check] of [conversation(60), approval(), loopGuard()].entries()) {
    const module = join(dir, `terminal_${i}.agents.ts`);
    writeFileSync(module, exportWorkflow(check.doc, 'agents-ts'));
    const instructions = Object.fromEntries(check.doc.agents.map((a) => [a.name, a.instructions]));
    const baseURL = server.open(`ts-terminal-${i}`, instructions, check.script);
    const problem = check.judge(await runProgram(TSX, [module], baseURL, check.stdin));
    out.push({
      ok: problem === undefined,
      line: `${problem === undefined ? 'holds ' : 'BROKEN'}  ${check.name}${problem ? `: ${problem}` : ''}`,
    });
  }
  return out;
}
