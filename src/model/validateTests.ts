/**
 * Routing-test checks of `validateWorkflow` (docs/spec/tests.md#validation): ids, turns, route
 * patterns, the agents and tools the cases name, regular expressions, pass rates and limits.
 * Every issue carries the path of the offending value (`tests[2].expect.route`) and the case id.
 */
import { issue, type IssueCode, type ValidationIssue } from './issues';
import { parseRoutePattern } from './routePattern';
import type { Workflow } from './schema';
import { TEST_ID_PATTERN, type Expectations, type TestCase } from './testCases';
import type { Topology } from './topology';

/** A `matches` expression longer than this is refused (a long expression is a slow one). */
export const TEST_REGEX_MAX = 200;

/** The issue codes about routing tests (all warnings: a broken test never stops a run). */
export const TEST_ISSUE_CODES: ReadonlySet<IssueCode> = new Set([
  'invalid_test_id',
  'duplicate_test_id',
  'empty_test_turns',
  'invalid_route_pattern',
  'unknown_test_agent',
  'unknown_test_tool',
  'invalid_test_regex',
  'invalid_pass_rate',
  'negative_test_limit',
]);

/** True for an issue about a routing test (its path is under `tests`). */
export const isTestIssue = (i: ValidationIssue): boolean => TEST_ISSUE_CODES.has(i.code);

export function validateTests(doc: Workflow, topology: Topology, issues: ValidationIssue[]): void {
  const tests = doc.tests ?? [];
  const firstIndex = new Map<string, number>();
  const tools = new Set(doc.tools.map((t) => t.name));
  tests.forEach((test, i) => {
    const at = (rest: string) => `tests[${i}]${rest}`;
    const push = (code: IssueCode, path: string, message: string, column?: number) =>
      issues.push(
        issue(code, path, message, {
          testCase: test.id,
          ...(column !== undefined ? { column } : {}),
        }),
      );
    if (!TEST_ID_PATTERN.test(test.id)) {
      push(
        'invalid_test_id',
        at('.id'),
        `Test id "${test.id}" is not allowed: a letter or digit, then letters, digits, "_", "-" ` +
          'or "." (64 at most).',
      );
    }
    const first = firstIndex.get(test.id);
    if (first === undefined) firstIndex.set(test.id, i);
    else {
      push(
        'duplicate_test_id',
        at('.id'),
        `Test id "${test.id}" is already used by tests[${first}]; ids must be unique.`,
      );
    }
    checkTurns(test, at, push);
    if (test.passRate !== undefined && !(test.passRate >= 0 && test.passRate <= 100)) {
      push('invalid_pass_rate', at('.passRate'), `passRate must be 0–100 (got ${test.passRate}).`);
    }
    checkExpectations(test.expect, topology, tools, (rest) => at(`.expect${rest}`), push);
  });
}

type Push = (code: IssueCode, path: string, message: string, column?: number) => void;

function checkTurns(test: TestCase, at: (rest: string) => string, push: Push): void {
  if (test.turns.length === 0) {
    push(
      'empty_test_turns',
      at('.turns'),
      `Test "${test.id}" has no turns: give the opening message.`,
    );
  } else if (test.turns[0]!.trim() === '') {
    push('empty_test_turns', at('.turns[0]'), `Test "${test.id}" has an empty opening message.`);
  }
}

function checkExpectations(
  expect: Expectations,
  topology: Topology,
  tools: ReadonlySet<string>,
  at: (rest: string) => string,
  push: Push,
): void {
  const agent = (name: string | undefined, path: string) => {
    if (name !== undefined && !topology.agents.has(name)) {
      push('unknown_test_agent', at(path), `"${name}" is not an agent of this workflow.`);
    }
  };
  if (expect.route !== undefined) checkRoute(expect.route, topology, at('.route'), push);
  expect.reaches?.forEach((name, j) => agent(name, `.reaches[${j}]`));
  expect.avoids?.forEach((name, j) => agent(name, `.avoids[${j}]`));
  expect.avoidsHandoffs?.forEach((h, j) => {
    agent(h.source, `.avoidsHandoffs[${j}].source`);
    agent(h.target, `.avoidsHandoffs[${j}].target`);
  });
  agent(expect.endAgent, '.endAgent');
  expect.tools?.forEach((tool, j) => {
    if (!tools.has(tool.name)) {
      push(
        'unknown_test_tool',
        at(`.tools[${j}].name`),
        `"${tool.name}" is not a tool of this workflow.`,
      );
    }
    agent(tool.agent, `.tools[${j}].agent`);
  });
  expect.messages?.forEach((message, j) => {
    agent(message.agent, `.messages[${j}].agent`);
    if (message.matches !== undefined) {
      const problem = regexProblem(message.matches);
      if (problem) push('invalid_test_regex', at(`.messages[${j}].matches`), problem);
    }
  });
  for (const key of ['maxHandoffs', 'maxModelCalls'] as const) {
    const value = expect[key];
    if (value !== undefined && value < 0) {
      push('negative_test_limit', at(`.${key}`), `${key} must be 0 or more (got ${value}).`);
    }
  }
}

function checkRoute(route: string, topology: Topology, path: string, push: Push): void {
  const parsed = parseRoutePattern(route);
  if (!parsed.ok) {
    push(
      'invalid_route_pattern',
      path,
      `The route pattern does not parse: ${parsed.problem.message}`,
      parsed.problem.column,
    );
    return;
  }
  for (const ref of parsed.agents) {
    if (!topology.agents.has(ref.name)) {
      push(
        'unknown_test_agent',
        path,
        `"${ref.name}" (column ${ref.column} of the route) is not an agent of this workflow.`,
        ref.column,
      );
    }
  }
}

/** Why a `matches` expression cannot be used, or undefined when it compiles within the cap. */
export function regexProblem(source: string): string | undefined {
  if (source.length > TEST_REGEX_MAX) {
    return `The regular expression is ${source.length} characters long; at most ${TEST_REGEX_MAX}.`;
  }
  try {
    new RegExp(source);
  } catch (error) {
    return `The regular expression does not compile: ${(error as Error).message}`;
  }
  if (hasNestedRepetition(source)) {
    return (
      'The regular expression repeats a group that itself repeats (like "(a+)+"), which can ' +
      'take exponential time on a long message; rewrite it without the nesting.'
    );
  }
  return undefined;
}

/**
 * True when a repeated group (`(…)*`, `(…)+`, `(…){n,}`) holds a repetition itself: the shape
 * that makes backtracking matchers take exponential time. Escapes and classes are skipped.
 */
export function hasNestedRepetition(source: string): boolean {
  const repeats: boolean[] = [false];
  let i = 0;
  const quantifierAt = (at: number): boolean => {
    const ch = source[at];
    return ch === '*' || ch === '+' || (ch === '{' && /^\{\d+,\d*\}/.test(source.slice(at)));
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      if (quantifierAt(i)) repeats[repeats.length - 1] = true;
      continue;
    }
    if (ch === '(') {
      repeats.push(false);
      i++;
      continue;
    }
    if (ch === ')') {
      const inner = repeats.length > 1 ? repeats.pop()! : false;
      i++;
      if (quantifierAt(i)) {
        if (inner) return true;
        repeats[repeats.length - 1] = true;
      } else if (inner) repeats[repeats.length - 1] = true;
      continue;
    }
    if (quantifierAt(i) && i > 0) repeats[repeats.length - 1] = true;
    i++;
  }
  return false;
}
