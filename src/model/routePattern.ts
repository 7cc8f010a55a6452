/**
 * Route patterns (docs/spec/tests.md#route-patterns): a small language over the path of agents
 * in control, e.g. `triage > (order | return) > *`. The parser gives an AST (or one problem with
 * its 1-based column); the matcher compiles the AST to a Thompson NFA and runs it over the whole
 * path in O(path × pattern), so no pattern backtracks exponentially.
 */

/** A node of a parsed pattern. `column` is 1-based in the pattern text. */
export type RouteNode =
  | { kind: 'agent'; name: string; column: number }
  /** `_`: any one agent. */
  | { kind: 'any'; column: number }
  /** A bare `*` step: any run of agents, zero or more. */
  | { kind: 'anyRun'; column: number }
  | { kind: 'sequence'; steps: RouteNode[] }
  | { kind: 'oneOf'; options: RouteNode[]; column: number }
  | { kind: 'repeat'; node: RouteNode; suffix: '?' | '*' | '+'; column: number };

/** Why a pattern does not parse, and where (1-based column). */
export interface RoutePatternProblem {
  column: number;
  message: string;
}

/** An agent name used in a pattern, and where. */
export interface RouteAgentRef {
  name: string;
  column: number;
}

export type ParsedRoutePattern =
  | { ok: true; ast: RouteNode; agents: RouteAgentRef[] }
  | { ok: false; problem: RoutePatternProblem };

/** Nesting deeper than this is refused (the parser is recursive). */
export const ROUTE_PATTERN_MAX_DEPTH = 32;

const NAME_START = /[A-Za-z]/;
const NAME_CHAR = /[A-Za-z0-9_-]/;
const SYMBOLS = new Set(['>', '(', ')', '|', '?', '*', '+']);

type Token = {
  type: 'name' | 'any' | 'end' | '>' | '(' | ')' | '|' | '?' | '*' | '+';
  text: string;
  column: number;
};

class PatternError extends Error {
  constructor(
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const column = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (SYMBOLS.has(ch)) {
      tokens.push({ type: ch as Token['type'], text: ch, column });
      i++;
    } else if (NAME_START.test(ch) || ch === '_') {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j]!)) j++;
      const word = text.slice(i, j);
      if (word === '_') tokens.push({ type: 'any', text: word, column });
      else if (ch === '_') {
        throw new PatternError(
          column,
          `"${word}" is not an agent name: names start with a letter.`,
        );
      } else tokens.push({ type: 'name', text: word, column });
      i = j;
    } else {
      throw new PatternError(column, `Unexpected character "${ch}" at column ${column}.`);
    }
  }
  tokens.push({ type: 'end', text: '', column: text.length + 1 });
  return tokens;
}

class Parser {
  private position = 0;
  readonly agents: RouteAgentRef[] = [];
  constructor(private readonly tokens: Token[]) {}

  parse(): RouteNode {
    if (this.peek().type === 'end') throw new PatternError(1, 'The pattern is empty.');
    const ast = this.pattern(0);
    const rest = this.peek();
    if (rest.type !== 'end') {
      throw new PatternError(
        rest.column,
        rest.type === ')' || rest.type === '|'
          ? `"${rest.text}" at column ${rest.column} has no matching "(".`
          : `Expected ">" between steps at column ${rest.column}.`,
      );
    }
    return ast;
  }

  private peek(): Token {
    return this.tokens[this.position]!;
  }

  private next(): Token {
    return this.tokens[this.position++]!;
  }

  private pattern(depth: number): RouteNode {
    const steps = [this.step(depth)];
    while (this.peek().type === '>') {
      this.next();
      steps.push(this.step(depth));
    }
    return steps.length === 1 ? steps[0]! : { kind: 'sequence', steps };
  }

  private step(depth: number): RouteNode {
    const token = this.peek();
    if (token.type === '*') {
      this.next();
      const after = this.peek();
      if (after.type === '?' || after.type === '*' || after.type === '+') {
        throw new PatternError(
          after.column,
          `A bare "*" already means any run of agents; "${after.text}" at column ${after.column} cannot follow it.`,
        );
      }
      return { kind: 'anyRun', column: token.column };
    }
    const atom = this.atom(depth);
    const suffix = this.peek();
    if (suffix.type === '?' || suffix.type === '*' || suffix.type === '+') {
      this.next();
      return { kind: 'repeat', node: atom, suffix: suffix.type, column: suffix.column };
    }
    return atom;
  }

  private atom(depth: number): RouteNode {
    const token = this.next();
    switch (token.type) {
      case 'name':
        this.agents.push({ name: token.text, column: token.column });
        return { kind: 'agent', name: token.text, column: token.column };
      case 'any':
        return { kind: 'any', column: token.column };
      case '(': {
        if (depth + 1 > ROUTE_PATTERN_MAX_DEPTH) {
          throw new PatternError(
            token.column,
            `Groups are nested more than ${ROUTE_PATTERN_MAX_DEPTH} deep at column ${token.column}.`,
          );
        }
        const options = [this.pattern(depth + 1)];
        while (this.peek().type === '|') {
          this.next();
          options.push(this.pattern(depth + 1));
        }
        const close = this.next();
        if (close.type !== ')') {
          throw new PatternError(
            close.column,
            close.type === 'end'
              ? `The "(" at column ${token.column} is never closed.`
              : `Expected "|" or ")" at column ${close.column}.`,
          );
        }
        return options.length === 1
          ? options[0]!
          : { kind: 'oneOf', options, column: token.column };
      }
      case 'end':
        throw new PatternError(token.column, 'The pattern ends where a step is expected.');
      default:
        throw new PatternError(
          token.column,
          `Expected an agent name, "_", "*" or "(" at column ${token.column}, not "${token.text}".`,
        );
    }
  }
}

/** Parses a route pattern: its AST and the agent names it uses, or the first problem. */
export function parseRoutePattern(text: string): ParsedRoutePattern {
  try {
    const parser = new Parser(tokenize(text));
    const ast = parser.parse();
    return { ok: true, ast, agents: parser.agents };
  } catch (error) {
    if (error instanceof PatternError) {
      return { ok: false, problem: { column: error.column, message: error.message } };
    }
    throw error;
  }
}

/** NFA states: consume one agent (by name or any), split (two ε-moves), or accept. */
type State =
  | { t: 'name'; name: string; out: number }
  | { t: 'any'; out: number }
  | { t: 'split'; a: number; b: number }
  | { t: 'match' };

/** A compiled pattern: `matches(path)` is true when the pattern matches the whole path. */
export interface RouteMatcher {
  matches(path: readonly string[]): boolean;
}

/** Compiles a parsed pattern to an NFA (Thompson's construction, built from the end). */
export function compileRoute(ast: RouteNode): RouteMatcher {
  const states: State[] = [{ t: 'match' }];
  const add = (state: State): number => states.push(state) - 1;
  const loop = (next: number, body: (at: number) => number, enterBody: boolean): number => {
    const split = add({ t: 'split', a: -1, b: next });
    const start = body(split);
    (states[split] as { a: number }).a = start;
    return enterBody ? start : split;
  };
  const build = (node: RouteNode, next: number): number => {
    switch (node.kind) {
      case 'agent':
        return add({ t: 'name', name: node.name, out: next });
      case 'any':
        return add({ t: 'any', out: next });
      case 'anyRun':
        return loop(next, (at) => add({ t: 'any', out: at }), false);
      case 'sequence': {
        let at = next;
        for (let i = node.steps.length - 1; i >= 0; i--) at = build(node.steps[i]!, at);
        return at;
      }
      case 'oneOf': {
        let at = build(node.options[node.options.length - 1]!, next);
        for (let i = node.options.length - 2; i >= 0; i--) {
          at = add({ t: 'split', a: build(node.options[i]!, next), b: at });
        }
        return at;
      }
      case 'repeat':
        if (node.suffix === '?') return add({ t: 'split', a: build(node.node, next), b: next });
        return loop(next, (at) => build(node.node, at), node.suffix === '+');
    }
  };
  const start = build(ast, 0);
  return { matches: (path) => simulate(states, start, path) };
}

function simulate(states: readonly State[], start: number, path: readonly string[]): boolean {
  const seen = new Int32Array(states.length).fill(-1);
  let generation = 0;
  const closure = (from: number, into: number[]): void => {
    const stack = [from];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen[s] === generation) continue;
      seen[s] = generation;
      const state = states[s]!;
      if (state.t === 'split') stack.push(state.b, state.a);
      else into.push(s);
    }
  };
  let current: number[] = [];
  closure(start, current);
  for (const agent of path) {
    generation++;
    const next: number[] = [];
    for (const s of current) {
      const state = states[s]!;
      if ((state.t === 'name' && state.name === agent) || state.t === 'any')
        closure(state.out, next);
    }
    if (next.length === 0) return false;
    current = next;
  }
  return current.some((s) => states[s]!.t === 'match');
}

/** True when `pattern` parses and matches the whole `path`; false when it does not parse. */
export function matchRoute(pattern: string, path: readonly string[]): boolean {
  const parsed = parseRoutePattern(pattern);
  return parsed.ok && compileRoute(parsed.ast).matches(path);
}

/** A path written as the exact pattern that matches it: `triage > refund`. */
export function formatRoutePath(path: readonly string[]): string {
  return path.join(' > ');
}

/**
 * The pattern with every use of agent `from` renamed to `to`; the rest of the text (spacing,
 * other names, even a part that does not parse) is kept as it was.
 */
export function renameInRoutePattern(pattern: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = new RegExp(`(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_-])`, 'g');
  return pattern.replace(word, () => to);
}
