/** The Wilson score interval of a pass rate (docs/spec/tests.md#results). */
import type { RateInterval } from './types';

/** `passed` of `total` with its 95 % Wilson interval; `{rate 0, low 0, high 1}` for no sample. */
export function wilson(_passed: number, _total: number, _z = 1.959964): RateInterval {
  throw new Error('not implemented yet');
}
