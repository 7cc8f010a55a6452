/**
 * The OpenAI Agents SDK (Python) side: one long-lived `agentsPyDriver.py` process in
 * `.venv-agents` that runs exported `agents-py` modules on request, one job at a time. The
 * protocol is driver.py's (see pythonDriver.ts), so the same client class talks to it.
 */
import { fileURLToPath } from 'node:url';
import { PythonDriver } from './pythonDriver';
import { AGENTS_VENV, ensureVenv } from './venv';

const SCRIPT = fileURLToPath(new URL('./agentsPyDriver.py', import.meta.url));

/** The python of `.venv-agents`, created from requirements-agents.txt when needed. */
export function ensureAgentsVenv(root: string, log: (line: string) => void): string {
  return ensureVenv(root, log, AGENTS_VENV);
}

/** Starts agentsPyDriver.py on `python` (the `.venv-agents` one). */
export function startAgentsPyDriver(python: string): Promise<PythonDriver> {
  return PythonDriver.start(python, SCRIPT);
}
