/**
 * Agents SDK traces written by the real Python SDK (`openai-agents`, pinned in
 * requirements-agents.txt): the support desk of agentsSdkTrace.ts run by agentsSdkTrace.py in
 * `.venv-agents` (the agents-py export's venv, git-ignored, made on first use) on the same
 * conformance server and script. When the venv cannot be made (no Python 3.10+, no
 * package index), `writePythonAgentsSdkTraces` says why instead of writing traces.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startConformanceServer } from '../../conformance/server';
import { AGENTS_VENV, ensureVenvLocked } from '../../conformance/venv';
import { REJECT_SCRIPT, SDK_INSTRUCTIONS, SDK_SCRIPT } from './agentsSdkTrace';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'test', 'support', 'agentsSdkTrace.py');

export type PythonTraces =
  { sensitive: string; plain: string; rejected: string } | { unavailable: string };

/** The venv's python (`.venv-agents`, the agents-py export's), or why there is none. */
async function agentsPython(): Promise<{ python: string } | { unavailable: string }> {
  try {
    return { python: await ensureVenvLocked(ROOT, () => undefined, AGENTS_VENV) };
  } catch (error) {
    return { unavailable: (error as Error).message };
  }
}

function run(python: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    // Asynchronous: the conformance server answers from this process while Python runs.
    const child = spawn(python, [SCRIPT, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`agentsSdkTrace.py exited ${code}: ${stderr}`)),
    );
  });
}

/**
 * Writes `support-desk.py.sensitive.ndjson`, `support-desk.py.plain.ndjson` and (a call a person
 * rejects, content captured) `rejected.py.sensitive.ndjson` into `dir`.
 */
export async function writePythonAgentsSdkTraces(dir: string): Promise<PythonTraces> {
  const venv = await agentsPython();
  if ('unavailable' in venv) return venv;
  mkdirSync(dir, { recursive: true });
  const server = await startConformanceServer();
  try {
    const files = {
      sensitive: join(dir, 'support-desk.py.sensitive.ndjson'),
      plain: join(dir, 'support-desk.py.plain.ndjson'),
      rejected: join(dir, 'rejected.py.sensitive.ndjson'),
    };
    for (const mode of ['sensitive', 'plain'] as const) {
      const session = `agents-sdk-python-${mode}`;
      const url = server.open(session, { ...SDK_INSTRUCTIONS }, SDK_SCRIPT);
      await run(venv.python, [url, files[mode], mode]);
      const problems = server.session(session).problems;
      if (problems.length > 0) throw new Error(`the conformance server: ${problems.join('; ')}`);
    }
    const url = server.open(
      'agents-sdk-python-reject',
      { Refunds: SDK_INSTRUCTIONS.Refunds },
      REJECT_SCRIPT,
    );
    await run(venv.python, [url, files.rejected, 'sensitive', 'reject']);
    return files;
  } finally {
    await server.close();
  }
}

const asProgram = process.argv[1]?.endsWith('agentsSdkTracePython.ts');
if (asProgram) {
  writePythonAgentsSdkTraces(process.argv[2] ?? '.').then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
