/**
 * An exported module run as a program (its terminal driver) against the conformance server:
 * the model endpoint in the environment, the user's side on stdin, killed after two minutes.
 */
import { spawn } from 'node:child_process';

export interface Program {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runProgram(
  command: string,
  args: string[],
  baseURL: string,
  stdin: string,
  env: Record<string, string> = {},
): Promise<Program> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: {
        ...process.env,
        OPENAI_BASE_URL: baseURL,
        OPENAI_API_KEY: 'conformance',
        OPENAI_MODEL: 'gpt-test',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}
