/**
 * The Python side's environment: a project-local `.venv` with the Agent Framework packages pinned
 * in requirements-conformance.txt, created (and brought to the pins) when needed. Without a
 * Python 3.10+ interpreter this fails, saying what is missing: conformance never passes by
 * skipping.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REQUIREMENTS = 'requirements-conformance.txt';
/** The OpenAI Agents SDK side's environment: its own venv (it needs a newer `openai`). */
export const AGENTS_VENV = { dir: '.venv-agents', requirements: 'requirements-agents.txt' };
const MIN = [3, 10] as const;

export class MissingPython extends Error {}

/** Returns the venv's python, creating the venv and installing the pins when needed. */
export function ensureVenv(
  root: string,
  log: (line: string) => void,
  { dir = '.venv', requirements = REQUIREMENTS } = {},
): string {
  const python = join(root, dir, process.platform === 'win32' ? 'Scripts' : 'bin', 'python');
  const pins = readPins(join(root, requirements));
  if (existsSync(python) && versionOk(python) && installedMatch(python, pins)) return python;
  if (!existsSync(python) || !versionOk(python)) {
    const base = findBasePython();
    log(`creating ${dir} with ${base}`);
    run(base, ['-m', 'venv', '--clear', join(root, dir)], root, `python3 -m venv ${dir}`);
  }
  log(`installing ${requirements} into ${dir}`);
  run(
    python,
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements],
    root,
    `pip install -r ${requirements}`,
  );
  if (!installedMatch(python, pins)) {
    throw new MissingPython(`${dir} does not hold the versions pinned in ${requirements}.`);
  }
  return python;
}

/**
 * `ensureVenv` for callers that may run at the same time (vitest runs test files in parallel
 * workers): one at a time creates or updates a given venv. A folder made with mkdir
 * (`.tmp/<dir>.lock`) is the lock; one older than ten minutes is a crashed holder's and is taken
 * over.
 */
export async function ensureVenvLocked(
  root: string,
  log: (line: string) => void,
  venv: { dir?: string; requirements?: string } = {},
): Promise<string> {
  const lock = join(root, '.tmp', `${(venv.dir ?? '.venv').replace(/^\./, '')}.lock`);
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (mtimeOf(lock) ?? Date.now());
      if (age > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} is held for too long`);
      else await new Promise((done) => setTimeout(done, 250));
    }
  }
  try {
    return ensureVenv(root, log, venv);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** `name==version` lines of the requirements file. */
function readPins(file: string): Record<string, string> {
  const pins: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s#;]+)/.exec(line);
    if (match) pins[match[1]!] = match[2]!;
  }
  return pins;
}

function installedMatch(python: string, pins: Record<string, string>): boolean {
  const code =
    'import importlib.metadata as m, json, sys\n' +
    'out = {}\n' +
    'for name in json.loads(sys.argv[1]):\n' +
    '    try: out[name] = m.version(name)\n' +
    '    except m.PackageNotFoundError: out[name] = None\n' +
    'print(json.dumps(out))';
  const result = spawnSync(python, ['-c', code, JSON.stringify(Object.keys(pins))], {
    encoding: 'utf8',
  });
  if (result.status !== 0) return false;
  const installed = JSON.parse(result.stdout) as Record<string, string | null>;
  return Object.entries(pins).every(([name, version]) => installed[name] === version);
}

function versionOf(python: string): [number, number] | undefined {
  const result = spawnSync(python, ['-c', 'import sys; print(*sys.version_info[:2])'], {
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) return undefined;
  const [major, minor] = result.stdout.trim().split(' ').map(Number);
  return major === undefined || minor === undefined ? undefined : [major, minor];
}

function versionOk(python: string): boolean {
  const v = versionOf(python);
  return v !== undefined && (v[0] > MIN[0] || (v[0] === MIN[0] && v[1] >= MIN[1]));
}

/** `$PYTHON`, else python3, else python: the first that is 3.10 or newer. */
function findBasePython(): string {
  const candidates = [process.env.PYTHON, 'python3', 'python'].filter(
    (c): c is string => typeof c === 'string' && c !== '',
  );
  const seen: string[] = [];
  for (const candidate of candidates) {
    const v = versionOf(candidate);
    if (v && versionOk(candidate)) return candidate;
    seen.push(v ? `${candidate} is ${v.join('.')}` : `${candidate} not found`);
  }
  throw new MissingPython(
    `npm run conformance needs Python ${MIN.join('.')} or newer with the venv module, to install ` +
      `the Agent Framework packages pinned in ${REQUIREMENTS} (${seen.join('; ')}). Install it ` +
      '(e.g. apt-get install python3 python3-venv) or point $PYTHON at one.',
  );
}

function run(command: string, args: string[], cwd: string, what: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error || result.status !== 0) {
    throw new MissingPython(
      `${what} failed (${result.error?.message ?? `exit ${String(result.status)}`}). ` +
        (what.includes('venv')
          ? 'Is the venv module installed (apt-get install python3-venv)?'
          : 'Is the package index reachable?'),
    );
  }
}
