/**
 * Output and exit codes of the headless runner (docs/spec/cli.md#exit-codes). Diagnostics go to
 * stderr only.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliIO {
  /** A line on stdout. */
  out: (line: string) => void;
  /** A line on stderr. */
  err: (line: string) => void;
  /** Raw text on stdout (exports end with their own newline). */
  write: (text: string) => void;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  write: (text) => process.stdout.write(text),
};
