/** The Wilson score interval of a pass rate (docs/spec/tests.md#results). */
import type { RateInterval } from './types';

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959964;

/**
 * `passed` of `total` with its Wilson score interval (95 % by default). It stays inside [0, 1]
 * and is sensible at 0 % and 100 %, where the normal approximation collapses to a point.
 * No sample: rate 0, interval [0, 1].
 */
export function wilson(passed: number, total: number, z = Z_95): RateInterval {
  if (total <= 0) return { passed: 0, total: 0, rate: 0, low: 0, high: 1 };
  const p = passed / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  // Exact at the ends (rounding would put 1 just below 1 at 100 %).
  const low = passed === 0 ? 0 : Math.max(0, centre - half);
  const high = passed === total ? 1 : Math.min(1, centre + half);
  return { passed, total, rate: p, low, high };
}
