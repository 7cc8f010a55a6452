/**
 * Route patterns (docs/spec/tests.md#route-patterns): the grammar, problems with their column,
 * whole-path matching, agreement with a reference regular expression, and no exponential time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileRoute,
  formatRoutePath,
  matchRoute,
  parseRoutePattern,
  renameInRoutePattern,
  type RouteNode,
} from '../../src/model';

const path = (text: string) => (text === '' ? [] : text.split(' '));

describe('parseRoutePattern', () => {
  it('parses every form of the grammar and lists the agents with their columns', () => {
    const parsed = parseRoutePattern('triage > (order | return) > *');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.agents).toEqual([
      { name: 'triage', column: 1 },
      { name: 'order', column: 11 },
      { name: 'return', column: 19 },
    ]);
    expect(parsed.ast).toMatchObject({
      kind: 'sequence',
      steps: [{ kind: 'agent' }, { kind: 'oneOf' }, { kind: 'anyRun' }],
    });
    const suffixes = parseRoutePattern('a? > _+ > (b > c)* ');
    expect(suffixes.ok && suffixes.ast).toMatchObject({
      kind: 'sequence',
      steps: [
        { kind: 'repeat', suffix: '?', node: { kind: 'agent', name: 'a' } },
        { kind: 'repeat', suffix: '+', node: { kind: 'any' } },
        { kind: 'repeat', suffix: '*', node: { kind: 'sequence' } },
      ],
    });
  });

  it.each([
    ['', 1, /empty/],
    ['   ', 1, /empty/],
    ['triage >', 9, /ends where a step/],
    ['triage > > refund', 10, /Expected an agent name/],
    ['triage refund', 8, /Expected ">"/],
    ['(a | b', 7, /never closed/],
    ['a | b', 3, /no matching "\("/],
    ['a > b)', 6, /no matching "\("/],
    ['a > #b', 5, /Unexpected character "#"/],
    ['a > _x', 5, /start with a letter/],
    ['a > *+', 6, /cannot follow/],
    ['a > ()', 6, /Expected an agent name/],
    ['(a b)', 4, /Expected "\|" or "\)"/],
  ])('%j fails at column %i', (text, column, message) => {
    const parsed = parseRoutePattern(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.column).toBe(column);
    expect(parsed.problem.message).toMatch(message);
  });

  it('refuses groups nested too deep instead of overflowing the stack', () => {
    const deep = `${'('.repeat(40)}a${')'.repeat(40)}`;
    const parsed = parseRoutePattern(deep);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.message).toMatch(/nested/);
    expect(parseRoutePattern(`${'('.repeat(10)}a${')'.repeat(10)}`).ok).toBe(true);
  });
});

describe('matching the whole path', () => {
  it.each([
    ['triage > refund', 'triage refund', true],
    ['triage > refund', 'triage refund closer', false],
    ['triage > refund', 'triage', false],
    ['triage', 'triage', true],
    ['triage > (order | return) > *', 'triage order', true],
    ['triage > (order | return) > *', 'triage return x y', true],
    ['triage > (order | return) > *', 'triage refund', false],
    ['triage > _ > closer', 'triage x closer', true],
    ['triage > _ > closer', 'triage closer', false],
    ['triage > _+ > closer', 'triage x y closer', true],
    ['triage > _+ > closer', 'triage closer', false],
    ['triage > refund? > closer', 'triage closer', true],
    ['triage > refund? > closer', 'triage refund refund closer', false],
    ['triage > refund* > closer', 'triage refund refund closer', true],
    ['triage > (a > b)+', 'triage a b a b', true],
    ['triage > (a > b)+', 'triage a b a', false],
    ['*', 'a b c', true],
    ['* > c', 'a b c', true],
    ['* > c', 'a c b', false],
    ['(a | b > c)', 'b c', true],
  ])('%j on [%s] is %s', (pattern, text, expected) => {
    expect(matchRoute(pattern, path(text))).toBe(expected);
  });

  it('a pattern that does not parse matches nothing', () => {
    expect(matchRoute('a >', ['a'])).toBe(false);
  });

  it('an empty path matches only patterns that allow no agent', () => {
    expect(matchRoute('*', [])).toBe(true);
    expect(matchRoute('a?', [])).toBe(true);
    expect(matchRoute('a', [])).toBe(false);
  });

  it('takes linear time on patterns that make backtracking matchers explode', () => {
    const parsed = parseRoutePattern('(a* | a*)* > (a | _)* > b');
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const matcher = compileRoute(parsed.ast);
    const long = Array.from({ length: 5_000 }, () => 'a');
    const started = performance.now();
    expect(matcher.matches(long)).toBe(false);
    expect(matcher.matches([...long, 'b'])).toBe(true);
    // A backtracking matcher needs astronomically long here; the NFA needs milliseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

/** The same pattern as a JavaScript regular expression over one letter per agent. */
function toRegExp(node: RouteNode): string {
  switch (node.kind) {
    case 'agent':
      return node.name;
    case 'any':
      return '[a-d]';
    case 'anyRun':
      return '[a-d]*';
    case 'sequence':
      return node.steps.map(toRegExp).join('');
    case 'oneOf':
      return `(?:${node.options.map(toRegExp).join('|')})`;
    case 'repeat':
      return `(?:${toRegExp(node.node)})${node.suffix}`;
  }
}

const patternText = fc.letrec<{ pattern: string; step: string; atom: string }>((tie) => ({
  pattern: fc.array(tie('step'), { minLength: 1, maxLength: 3 }).map((steps) => steps.join(' > ')),
  step: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    fc.tuple(tie('atom'), fc.constantFrom('?', '*', '+')).map(([a, s]) => `${a}${s}`),
    fc.constant('*'),
  ),
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c', '_'),
    fc
      .array(tie('pattern'), { minLength: 1, maxLength: 3 })
      .map((options) => `(${options.join(' | ')})`),
  ),
})).pattern;

describe('agreement with a reference matcher', () => {
  it('matches exactly where the equivalent regular expression matches', () => {
    fc.assert(
      fc.property(
        patternText,
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 6 }),
        (text, agents) => {
          const parsed = parseRoutePattern(text);
          if (!parsed.ok) throw new Error(`${text}: ${parsed.problem.message}`);
          const reference = new RegExp(`^(?:${toRegExp(parsed.ast)})$`);
          expect(compileRoute(parsed.ast).matches(agents)).toBe(reference.test(agents.join('')));
        },
      ),
      { numRuns: 400, seed: 14 },
    );
  });
});

describe('any text', () => {
  it('parses or gives one problem with a column inside the text, never throws', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'b', '_', '>', '(', ')', '|', '?', '*', '+', ' ', '#', '-'),
          maxLength: 24,
        }),
        (text) => {
          const parsed = parseRoutePattern(text);
          if (parsed.ok) {
            expect(typeof compileRoute(parsed.ast).matches(['a', 'b'])).toBe('boolean');
          } else {
            expect(parsed.problem.column).toBeGreaterThanOrEqual(1);
            expect(parsed.problem.column).toBeLessThanOrEqual(text.length + 1);
            expect(parsed.problem.message.length).toBeGreaterThan(5);
          }
        },
      ),
      { numRuns: 1000, seed: 14 },
    );
  });
});

describe('helpers', () => {
  it('formats a path as the exact pattern that matches it', () => {
    const route = formatRoutePath(['triage', 'refund']);
    expect(route).toBe('triage > refund');
    expect(matchRoute(route, ['triage', 'refund'])).toBe(true);
  });

  it('renames whole agent names only, keeping the rest of the text', () => {
    expect(
      renameInRoutePattern('triage > (refund|refunds) > refund-2 > refund*', 'refund', 'money'),
    ).toBe('triage > (money|refunds) > refund-2 > money*');
    expect(renameInRoutePattern('a > (refund', 'refund', 'money')).toBe('a > (money');
  });
});
