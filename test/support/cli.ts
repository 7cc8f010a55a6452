/** Runs the CLI in-process with captured output, or as a real process through npm. */
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
    write: (text) => (stdout += text),
  });
  return { code, stdout, stderr };
}

/** `npm run --silent cli -- …` exactly as docs/spec/cli.md shows it. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
