/**
 * How cost and time read in the chat, the run header and the inspector: "1.2 s · 312 tok",
 * "~312 tok" for estimates, with a longer title for the tooltip and screen readers.
 */
import type { CallUsage, UsageTotals } from '../../trace';

/** "840 ms", "1.2 s", "12 s", "2 min 5 s". */
export function durationText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

const number = (n: number): string => n.toLocaleString('en-US');

/** Tokens, "~" first when estimated. */
export const tokensText = (u: Pick<CallUsage, 'totalTokens' | 'estimated'>): string =>
  `${u.estimated ? '~' : ''}${number(u.totalTokens)} tok`;

/** The compact line of one call: "1.2 s · 312 tok" (no time for runs recorded without it). */
export function callUsageText(u: CallUsage): string {
  return u.durationMs === undefined
    ? tokensText(u)
    : `${durationText(u.durationMs)} · ${tokensText(u)}`;
}

/** The compact line of a sum: "3 calls · 4.1 s · 1,234 tok". */
export function totalsText(u: UsageTotals): string {
  const calls = `${u.calls} call${u.calls === 1 ? '' : 's'}`;
  return `${calls} · ${durationText(u.durationMs)} · ${tokensText(u)}`;
}

/** The long form, for a title: what the counts are and where they come from. */
export function usageTitle(u: CallUsage | UsageTotals): string {
  const time = u.durationMs === undefined ? '' : `, ${durationText(u.durationMs)} of model time`;
  const source = u.estimated
    ? ' (estimated: about 4 characters a token; the simulator does not count)'
    : '';
  return (
    `${number(u.totalTokens)} tokens: ${number(u.promptTokens)} in, ` +
    `${number(u.completionTokens)} out${time}${source}`
  );
}
