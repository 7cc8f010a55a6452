/**
 * Agents SDK traces written by the real Python SDK (`openai-agents`, pinned in
 * agentsSdkTrace.requirements.txt): the support desk of agentsSdkTrace.ts run by
 * agentsSdkTrace.py in its own venv (`.tmp/agents-sdk-venv`, git-ignored, made on first use) on
 * the same conformance server and script. When the venv cannot be made (no Python 3.10+, no
 * package index), `writePythonAgentsSdkTraces` says why instead of writing traces.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startConformanceServer } from '../../conformance/server';
import { REJECT_SCRIPT, SDK_INSTRUCTIONS, SDK_SCRIPT } from './agentsSdkTrace';

const ROOT = resolve(import.meta.dirname, '../..');
const VENV = join(ROOT, '.tmp', 'agents-sdk-venv');
const PYTHON = join(VENV, 'bin', 'python');
const REQUIREMENTS = join(ROOT, 'test', 'support', 'agentsSdkTrace.requirements.txt');
const SCRIPT = join(ROOT, 'test', 'support', 'agentsSdkTrace.py');

export type PythonTraces =
  { sensitive: string; plain: string; rejected: string } | { unavailable: string };

function pins(): string[] {
  return readFileSync(REQUIREMENTS, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[A-Za-z0-9_.-]+==/.test(line));
}

function installed(): boolean {
  if (!existsSync(PYTHON)) return false;
  const freeze = spawnSync(PYTHON, ['-m', 'pip', 'freeze'], { encoding: 'utf8' });
  const have = new Set(freeze.stdout.split('\n').map((l) => l.trim().toLowerCase()));
  return freeze.status === 0 && pins().every((pin) => have.has(pin.toLowerCase()));
}

/** The venv's python, or why there is none. */
function ensureVenv(): { python: string } | { unavailable: string } {
  if (installed()) return { python: PYTHON };
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const venv = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8' });
  if (venv.status !== 0) return { unavailable: `python3 -m venv failed: ${venv.stderr}` };
  const pip = spawnSync(
    PYTHON,
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS],
    { encoding: 'utf8', timeout: 240_000 },
  );
  if (pip.status !== 0 || !installed()) {
    return { unavailable: `pip could not install ${REQUIREMENTS}: ${pip.stderr.slice(-500)}` };
  }
  return { python: PYTHON };
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
  const venv = ensureVenv();
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
