/** Tiny measuring helpers for `npm run bench`: figures are printed, never asserted. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  p95: number;
  min: number;
  runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; milliseconds. */
export function time(fn: () => void, runs = 7, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p95: samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)]!,
    min: samples[0]!,
    runs,
  };
}

export const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** Prints rows as an aligned table. */
export function table(rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(line(keys));
  for (const row of rows) console.log(line(keys.map((k) => String(row[k]))));
}
