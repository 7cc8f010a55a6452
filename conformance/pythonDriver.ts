/**
 * The Agent Framework side: one long-lived `driver.py` process (importing Agent Framework once)
 * that runs exported modules on request, one job at a time.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DriverEvent } from './trace';

export interface DriverJob {
  module: string;
  baseURL: string;
  opening: string;
  inputs?: readonly string[];
  decisions?: readonly boolean[];
  /** Answers for each resume after a pause (driver.py restores from the pause's checkpoint). */
  resumes?: ReadonlyArray<{ inputs?: readonly string[]; decisions?: readonly boolean[] }>;
  timeoutSeconds?: number;
}

export interface DriverAnswer {
  events: DriverEvent[];
  /** The run itself, without importing and building the module. */
  ms: number;
  modelCalls: number;
}

/** Importing Agent Framework takes about a second; allow for a slow first start. */
const START_TIMEOUT_MS = 120_000;
const DRIVER = fileURLToPath(new URL('./driver.py', import.meta.url));

export class PythonDriver {
  private readonly waiting = new Map<
    string,
    { resolve: (answer: DriverAnswer) => void; reject: (error: Error) => void }
  >();
  private exited: Error | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private next = 0;
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {}

  /** Starts the driver (driver.py, or another of the same protocol) and waits until it is ready. */
  static async start(python: string, script: string = DRIVER): Promise<PythonDriver> {
    const child = spawn(python, [script], {
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
    });
    const driver = new PythonDriver(child);
    child.stderr.on('data', (chunk: Buffer) => {
      driver.stderr = (driver.stderr + chunk.toString()).slice(-4000);
    });
    const lines = createInterface({ input: child.stdout });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(
          new Error(`driver.py did not start within ${START_TIMEOUT_MS} ms: ${driver.stderr}`),
        );
      }, START_TIMEOUT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        const error = new Error(`driver.py exited (${String(code)}): ${driver.stderr}`);
        driver.exited = error;
        for (const pending of driver.waiting.values()) pending.reject(error);
        driver.waiting.clear();
        reject(error);
      });
      lines.on('line', (line) => {
        const message = JSON.parse(line) as { ready?: boolean; id?: string } & DriverAnswer;
        if (message.ready) {
          clearTimeout(timer);
          return resolve();
        }
        const done = driver.waiting.get(message.id ?? '');
        driver.waiting.delete(message.id ?? '');
        done?.resolve(message);
      });
    });
    return driver;
  }

  /** Runs one job (jobs run one after another). */
  run(job: DriverJob): Promise<DriverAnswer> {
    const id = `job${this.next++}`;
    const result = this.queue.then(
      () =>
        new Promise<DriverAnswer>((resolve, reject) => {
          if (this.exited) return reject(this.exited);
          this.waiting.set(id, { resolve, reject });
          this.child.stdin.write(`${JSON.stringify({ ...job, id })}\n`);
        }),
    );
    this.queue = result.catch(() => undefined);
    return result;
  }

  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }
}
