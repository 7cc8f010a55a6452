/**
 * Agent Framework traces made by the real framework, on demand: a workflow is exported to Python
 * (src/model/export/python.ts), run in `.venv` on the conformance server's scripted replies with
 * AF's observability on (test/support/afTrace.py), and its spans are written as OTLP/JSON.
 * Traces are cached in `.tmp/af-traces/` (git-ignored) by a hash of everything that makes them:
 * the scenario, the export, the pinned Python packages and the two scripts.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportWorkflow } from '../../src/model/export';
import type { Scenario } from '../../conformance/scenario';
import { startConformanceServer } from '../../conformance/server';
import { ensureVenvLocked, REQUIREMENTS } from '../../conformance/venv';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, '.tmp', 'af-traces');
const SCRIPT = join(ROOT, 'test', 'support', 'afTrace.py');

export interface AfTraceRequest {
  /** A conformance scenario (document, scripted replies, user answers). */
  scenario: Pick<Scenario, 'doc' | 'script' | 'opening' | 'inputs' | 'decisions'>;
  /** AF's sensitive-data capture: message content and tool arguments on the spans. */
  capture: boolean;
}

export interface AfTrace {
  /** The OTLP/JSON text AF's spans were written as. */
  text: string;
  /** The conformance driver's raw events of the same run (what AF did, unjudged). */
  driverEvents: Array<Record<string, unknown>>;
}

/** The trace of the scenario's run on the real Agent Framework (cached). */
export async function afTrace(request: AfTraceRequest, fresh = false): Promise<AfTrace> {
  const module = exportWorkflow(request.scenario.doc, 'python');
  const key = createHash('sha256')
    .update(JSON.stringify(request))
    .update(module)
    .update(readFileSync(join(ROOT, REQUIREMENTS)))
    .update(readFileSync(SCRIPT))
    .update(readFileSync(join(ROOT, 'conformance', 'driver.py')))
    .digest('hex')
    .slice(0, 20);
  const tracePath = join(CACHE, `${key}.otlp.json`);
  const eventsPath = join(CACHE, `${key}.driver.json`);
  if (!fresh && existsSync(tracePath) && existsSync(eventsPath)) {
    return {
      text: readFileSync(tracePath, 'utf8'),
      driverEvents: JSON.parse(readFileSync(eventsPath, 'utf8')) as AfTrace['driverEvents'],
    };
  }
  mkdirSync(CACHE, { recursive: true });
  const python = await ensureVenvLocked(ROOT, (line) => process.stderr.write(`${line}\n`));
  const { doc, script, opening, inputs = [], decisions = [] } = request.scenario;
  const server = await startConformanceServer();
  try {
    const instructions = Object.fromEntries(doc.agents.map((a) => [a.name, a.instructions]));
    const modulePath = join(CACHE, `${key}.py`);
    writeFileSync(modulePath, module);
    const jobPath = join(CACHE, `${key}.job.json`);
    const job = {
      id: key,
      module: modulePath,
      baseURL: server.open(key, instructions, script),
      opening,
      inputs,
      decisions,
      capture: request.capture,
      timeoutSeconds: 60,
    };
    writeFileSync(jobPath, JSON.stringify(job));
    const out = join(CACHE, `${key}.tmp.json`);
    // The server answers in this process: the child must run asynchronously.
    const result = await runAsync(python, [SCRIPT, jobPath, out]);
    if (result.code !== 0) {
      throw new Error(`afTrace.py failed (${String(result.code)}): ${result.stderr.slice(-2000)}`);
    }
    const problems = server.session(key).problems;
    if (problems.length > 0) throw new Error(`conformance server: ${problems.join('; ')}`);
    const driverEvents = (JSON.parse(result.stdout) as { events: AfTrace['driverEvents'] }).events;
    const text = readFileSync(out, 'utf8');
    writeFileSync(tracePath, text);
    writeFileSync(eventsPath, JSON.stringify(driverEvents));
    return { text, driverEvents };
  } finally {
    await server.close();
  }
}

function runAsync(
  command: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
