/**
 * Literal values read from syntax trees, the same shape for every language: the importer reads
 * names, descriptions, lists and JSON schemas as data and never evaluates an expression.
 */
import type { Node } from 'web-tree-sitter';

export type Lit =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'list'; items: Lit[] }
  | { t: 'dict'; entries: Array<[string, Lit]> }
  /** An identifier that is not bound to a literal (an agent, a parameter…). */
  | { t: 'name'; name: string; node: Node }
  /** Anything else: a call, an f-string, an expression. */
  | { t: 'other'; node: Node };

export const str = (lit: Lit | undefined): string | undefined =>
  lit?.t === 'str' ? lit.v : undefined;

export const num = (lit: Lit | undefined): number | undefined =>
  lit?.t === 'num' ? lit.v : undefined;

export const bool = (lit: Lit | undefined): boolean | undefined =>
  lit?.t === 'bool' ? lit.v : undefined;

/** A literal as JSON, or undefined when any part of it is not a literal. */
export function toJson(lit: Lit): unknown {
  switch (lit.t) {
    case 'str':
    case 'num':
    case 'bool':
      return lit.v;
    case 'null':
      return null;
    case 'list': {
      const out: unknown[] = [];
      for (const item of lit.items) {
        const v = toJson(item);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case 'dict': {
      const out: Record<string, unknown> = {};
      for (const [k, item] of lit.entries) {
        const v = toJson(item);
        if (v === undefined || k === '__proto__') return undefined;
        out[k] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Where a name is bound: per scope node, the assignments in source order. */
export class Bindings {
  private readonly scopes = new Map<number, Map<string, Node[]>>();

  bind(scope: Node, name: string, value: Node): void {
    let names = this.scopes.get(scope.id);
    if (!names) this.scopes.set(scope.id, (names = new Map()));
    const list = names.get(name) ?? [];
    list.push(value);
    names.set(name, list);
  }

  /** The value bound to `name` in `scope`: the last binding before `at`, else the first one. */
  lookup(scope: Node, name: string, at: Node): Node | undefined {
    const list = this.scopes.get(scope.id)?.get(name);
    if (!list || list.length === 0) return undefined;
    let found: Node | undefined;
    for (const v of list) if (v.startIndex < at.startIndex) found = v;
    return found ?? list[0];
  }

  /** How many times `name` is bound in `scope`. */
  count(scope: Node, name: string): number {
    return this.scopes.get(scope.id)?.get(name)?.length ?? 0;
  }
}

/** Decodes backslash escapes common to Python, C#, JavaScript and JSON. */
export function unescape(body: string, extra: (esc: string) => string | undefined): string {
  return body.replace(
    /\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r\n|[\s\S])/g,
    (match, esc: string) => {
      switch (esc[0]) {
        case 'n':
          return '\n';
        case 't':
          return '\t';
        case 'r':
          return '\r';
        case 'b':
          return '\b';
        case 'f':
          return '\f';
        case 'v':
          return '\v';
        case 'a':
          return '\x07';
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
          return esc === '0' ? '\0' : String.fromCodePoint(parseInt(esc, 8));
        case 'x':
          return String.fromCodePoint(parseInt(esc.slice(1), 16));
        case 'u':
        case 'U': {
          const hex = esc.replace(/^[uU]\{?|\}$/g, '');
          if (esc.length === 1) return extra(esc) ?? match;
          const code = parseInt(hex, 16);
          return code <= 0x10ffff ? String.fromCodePoint(code) : match;
        }
        case '\n':
        case '\r':
          return '';
        default:
          return extra(esc) ?? esc;
      }
    },
  );
}
