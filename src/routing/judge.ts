/**
 * Judging one sample (docs/spec/tests.md#expectations): a run's events, the document and the
 * case give one result per stated expectation, keyed by its place in `expect`. Only structured
 * event fields are read.
 */
import type { RunEvent } from '../engine';
import {
  buildTopology,
  compileRoute,
  formatRoutePath,
  parseRoutePattern,
  regexProblem,
  type Expectations,
  type MessageExpectation,
  type TestCase,
  type ToolExpectation,
  type Workflow,
} from '../model';
import { observe } from './observe';
import type { ExpectationResult, Observation } from './types';

/** Every stated expectation of `testCase`, judged on `events` of a run of `doc`. */
export function judge(
  events: readonly RunEvent[],
  doc: Workflow,
  testCase: TestCase,
): ExpectationResult[] {
  return judgeObserved(events, observe(events, doc, buildTopology(doc)), testCase);
}

/** `judge` on what `observe` already found in the same events. */
export function judgeObserved(
  events: readonly RunEvent[],
  seen: Observation,
  testCase: TestCase,
): ExpectationResult[] {
  const e: Expectations = testCase.expect;
  const results: ExpectationResult[] = [];
  const add = (key: string, label: string, passed: boolean, detail?: () => string) =>
    results.push({ key, label, passed, ...(passed || !detail ? {} : { detail: detail() }) });
  const path = formatRoutePath(seen.path);
  const onPath = new Set(seen.path);

  if (e.outcome === undefined) {
    add('run', 'the run does not fail', seen.outcome !== 'failed', () => failedDetail(seen));
  }
  if (e.route !== undefined) {
    const parsed = parseRoutePattern(e.route);
    add(
      'route',
      `route matches "${e.route}"`,
      parsed.ok && compileRoute(parsed.ast).matches(seen.path),
      () => (parsed.ok ? `the path was ${path || '(empty)'}` : parsed.problem.message),
    );
  }
  e.reaches?.forEach((agent, i) =>
    add(`reaches[${i}]`, `reaches ${agent}`, onPath.has(agent), () => `the path was ${path}`),
  );
  e.avoids?.forEach((agent, i) =>
    add(`avoids[${i}]`, `avoids ${agent}`, !onPath.has(agent), () => `the path was ${path}`),
  );
  e.avoidsHandoffs?.forEach((h, i) =>
    add(
      `avoidsHandoffs[${i}]`,
      `no handoff ${h.source} > ${h.target}`,
      !seen.handoffs.some((t) => t.from === h.source && t.to === h.target),
      () => `${h.source} handed off to ${h.target}`,
    ),
  );
  if (e.onlyAllowedHandoffs === true) {
    const forbidden = seen.attempts.filter((a) => !a.allowed);
    add('onlyAllowedHandoffs', 'no forbidden handoff attempt', forbidden.length === 0, () =>
      forbidden.map((a) => `${a.agent} tried to hand off to ${a.target}`).join('; '),
    );
  }
  if (e.endAgent !== undefined) {
    add(
      'endAgent',
      `ends with ${e.endAgent}`,
      seen.endAgent === e.endAgent,
      () => `it ended with ${seen.endAgent ?? 'no agent'}`,
    );
  }
  if (e.outcome !== undefined) {
    add('outcome', `ends ${e.outcome}`, seen.outcome === e.outcome, () => outcomeDetail(seen));
  }
  if (e.completion !== undefined) {
    add(
      'completion',
      `completes by ${e.completion}`,
      seen.outcome === 'completed' && seen.completion === e.completion,
      () => outcomeDetail(seen),
    );
  }
  e.tools?.forEach((tool, i) => {
    const count = events.filter((ev) => callMatches(ev, tool)).length;
    const called = tool.called !== false;
    add(`tools[${i}]`, toolLabel(tool), called ? count > 0 : count === 0, () =>
      called ? 'no matching call' : `${count} matching call${count === 1 ? '' : 's'}`,
    );
  });
  if (e.maxHandoffs !== undefined) {
    const n = seen.handoffs.length;
    add(
      'maxHandoffs',
      `at most ${e.maxHandoffs} handoffs`,
      n <= e.maxHandoffs,
      () => `${n} handoffs`,
    );
  }
  if (e.maxModelCalls !== undefined) {
    const n = seen.modelCalls;
    add(
      'maxModelCalls',
      `at most ${e.maxModelCalls} model calls`,
      n <= e.maxModelCalls,
      () => `${n} model calls`,
    );
  }
  e.messages?.forEach((m, i) => {
    const verdict = judgeMessage(events, m);
    add(`messages[${i}]`, messageLabel(m), verdict.passed, () => verdict.detail);
  });
  return results;
}

function failedDetail(seen: Observation): string {
  return seen.error ? `it failed (${seen.error.code}): ${seen.error.message}` : 'it failed';
}

function outcomeDetail(seen: Observation): string {
  if (seen.outcome === 'failed') return failedDetail(seen);
  if (seen.outcome === 'completed') return `it completed (${seen.completion ?? 'unknown'})`;
  return `it ended ${seen.outcome}`;
}

function callMatches(event: RunEvent, tool: ToolExpectation): boolean {
  if (event.type !== 'tool_call' || event.name !== tool.name) return false;
  if (tool.agent !== undefined && event.agent !== tool.agent) return false;
  const wanted = Object.entries(tool.arguments ?? {});
  if (wanted.length === 0) return true;
  const args = event.arguments;
  if (typeof args === 'string') return false;
  return wanted.every(([key, value]) => Object.hasOwn(args, key) && deepEqual(args[key], value));
}

function toolLabel(tool: ToolExpectation): string {
  const by = tool.agent !== undefined ? ` by ${tool.agent}` : '';
  const args = tool.arguments ? ` with ${JSON.stringify(tool.arguments)}` : '';
  return `${tool.called === false ? 'never calls' : 'calls'} ${tool.name}${by}${args}`;
}

function judgeMessage(
  events: readonly RunEvent[],
  m: MessageExpectation,
): { passed: boolean; detail: string } {
  const texts: string[] = [];
  for (const ev of events) {
    if (ev.type === 'message' && (m.agent === undefined || ev.agent === m.agent))
      texts.push(ev.text);
  }
  const candidates = m.which === 'any' ? texts : texts.slice(-1);
  if (candidates.length === 0) {
    return { passed: false, detail: `no message${m.agent ? ` from ${m.agent}` : ''}` };
  }
  let pattern: RegExp | undefined;
  if (m.matches !== undefined) {
    const problem = regexProblem(m.matches);
    if (problem) return { passed: false, detail: problem };
    pattern = new RegExp(m.matches);
  }
  const needle = m.contains?.toLowerCase();
  const passed = candidates.some(
    (text) =>
      (needle === undefined || text.toLowerCase().includes(needle)) &&
      (pattern === undefined || pattern.test(text)),
  );
  const last = candidates[candidates.length - 1]!;
  return {
    passed,
    detail:
      m.which === 'any'
        ? `none of ${candidates.length} messages does`
        : `the final message was "${last.length > 120 ? `${last.slice(0, 119)}…` : last}"`,
  };
}

function messageLabel(m: MessageExpectation): string {
  const whose = m.agent !== undefined ? `${m.agent}'s` : 'the';
  const which =
    m.which === 'any' ? `some message of ${m.agent ?? 'any agent'}` : `${whose} final message`;
  const parts = [
    ...(m.contains !== undefined ? [`contains "${m.contains}"`] : []),
    ...(m.matches !== undefined ? [`matches /${m.matches}/`] : []),
  ];
  return `${which} ${parts.length > 0 ? parts.join(' and ') : 'exists'}`;
}

/** Structural equality of JSON values (key order aside). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => deepEqual(v, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const bo = b as Record<string, unknown>;
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(bo, k) && deepEqual((a as Record<string, unknown>)[k], bo[k]))
  );
}
