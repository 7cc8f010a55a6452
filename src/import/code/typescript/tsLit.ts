/**
 * TypeScript/JavaScript literals and bindings read from a tree-sitter-typescript tree: strings,
 * template strings without substitutions, numbers, booleans, null, arrays, object literals with
 * plain keys, and `const`/`let` names bound to those.
 */
import type { Node } from 'web-tree-sitter';
import { CODE_IMPORT_LIMITS } from '../types';
import { Bindings, unescape, type Lit } from '../values';

const SCOPES = new Set([
  'program',
  'function_declaration',
  'function_expression',
  'arrow_function',
  'method_definition',
  'class_declaration',
]);

export function scopeOf(node: Node): Node {
  let n = node.parent;
  while (n && !SCOPES.has(n.type)) n = n.parent;
  return n ?? node;
}

/** A string or template literal; `keepFields` keeps `${…}` as written instead of refusing. */
export function tsString(node: Node, keepFields = false): string | undefined {
  if (node.type === 'string') {
    return unescape(node.text.slice(1, -1), (esc) => esc);
  }
  if (node.type === 'template_string') {
    if (!keepFields && node.namedChildren.some((c) => c.type === 'template_substitution')) {
      return undefined;
    }
    return unescape(node.text.slice(1, -1), (esc) => esc);
  }
  return undefined;
}

/** `[positional…]` of a call or `new`. */
export function tsArgs(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  return list ? list.namedChildren.filter((c) => c.type !== 'comment') : [];
}

/** The object literal's properties: key → value node (shorthand `{ a }` maps to the name). */
export function tsObject(node: Node | undefined): Map<string, Node> {
  const out = new Map<string, Node>();
  if (node?.type !== 'object') return out;
  for (const p of node.namedChildren) {
    if (p.type === 'pair') {
      const key = p.childForFieldName('key');
      const value = p.childForFieldName('value');
      const k = key?.type === 'string' ? tsString(key) : key?.text;
      if (k !== undefined && value) out.set(k, value);
    } else if (p.type === 'shorthand_property_identifier') {
      out.set(p.text, p);
    }
  }
  return out;
}

/** `tool` for `tool(...)`, `create` for `Agent.create(...)`, `Agent` for `new Agent(...)`. */
export function tsCallee(node: Node): string | undefined {
  const fn = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
  if (!fn) return undefined;
  if (fn.type === 'identifier') return fn.text;
  if (fn.type === 'member_expression') return fn.childForFieldName('property')?.text;
  return undefined;
}

export class TsReader {
  constructor(
    readonly bindings: Bindings,
    /** Parameters of a local helper bound to one call's arguments (`scope id:name` → node). */
    private readonly params: ReadonlyMap<string, Node> = new Map(),
  ) {}

  /**
   * A reader that sees `fn`'s parameters as the arguments of one call of it, so a small local
   * helper (`function handoffTo(target, description) { return handoff(target, {…}) }`) is read
   * for that call: a substitution of literals, never an evaluation.
   */
  withParams(fn: Node, args: readonly Node[]): TsReader {
    const params = new Map(this.params);
    const formal = fn.childForFieldName('parameters')?.namedChildren ?? [];
    formal.forEach((p, i) => {
      const name = p.childForFieldName('pattern') ?? p;
      const arg = args[i];
      if (name.type === 'identifier' && arg) params.set(`${fn.id}:${name.text}`, arg);
    });
    return new TsReader(this.bindings, params);
  }

  resolve(name: string, at: Node): Node | undefined {
    for (let scope: Node | null = scopeOf(at); scope;) {
      const param = this.params.get(`${scope.id}:${name}`);
      if (param) return param;
      const found = this.bindings.lookup(scope, name, at);
      if (found) return found;
      if (scope.type === 'program') return undefined;
      scope = scopeOf(scope);
    }
    return undefined;
  }

  deref(node: Node, depth = 0): Node {
    let n = node;
    for (let i = depth; i < CODE_IMPORT_LIMITS.maxValueDepth; i++) {
      if (
        (n.type === 'parenthesized_expression' ||
          n.type === 'as_expression' ||
          n.type === 'satisfies_expression' ||
          n.type === 'await_expression') &&
        n.namedChildren[0]
      ) {
        n = n.namedChildren[0];
      } else if (n.type === 'member_expression') {
        // `spec.name` where `spec` is an object literal of this file (or a helper's argument).
        const object = n.childForFieldName('object');
        const property = n.childForFieldName('property')?.text;
        // Each step into an object counts against the same bound (`const a = a.b` ends).
        const target = object ? this.deref(object, i + 1) : undefined;
        const value = property ? tsObject(target).get(property) : undefined;
        if (!value) return n;
        n = value;
      } else if (n.type === 'identifier' || n.type === 'shorthand_property_identifier') {
        const bound = this.resolve(n.text, n);
        if (!bound || bound === n) return n;
        n = bound;
      } else return n;
    }
    return n;
  }

  lit(node: Node, depth = 0): Lit {
    if (depth > CODE_IMPORT_LIMITS.maxValueDepth) return { t: 'other', node };
    const n = this.deref(node);
    switch (n.type) {
      case 'string':
      case 'template_string': {
        const v = tsString(n);
        return v === undefined ? { t: 'other', node: n } : { t: 'str', v };
      }
      case 'number': {
        const v = Number(n.text.replace(/_/g, ''));
        return Number.isFinite(v) ? { t: 'num', v } : { t: 'other', node: n };
      }
      case 'true':
      case 'false':
        return { t: 'bool', v: n.type === 'true' };
      case 'null':
        return { t: 'null' };
      case 'unary_expression': {
        const inner = n.namedChildren[0] ? this.lit(n.namedChildren[0], depth + 1) : undefined;
        return inner?.t === 'num' && n.text.startsWith('-')
          ? { t: 'num', v: -inner.v }
          : { t: 'other', node: n };
      }
      case 'array':
        return {
          t: 'list',
          items: n.namedChildren
            .filter((c) => c.type !== 'comment')
            .map((c) => this.lit(c, depth + 1)),
        };
      case 'object': {
        const entries: Array<[string, Lit]> = [];
        for (const [k, v] of tsObject(n)) entries.push([k, this.lit(v, depth + 1)]);
        return { t: 'dict', entries };
      }
      case 'binary_expression': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        const op = n.childForFieldName('operator')?.text;
        if (!left || !right) return { t: 'other', node: n };
        const a = this.lit(left, depth + 1);
        if (op === '??' || op === '||') {
          return a.t === 'name' || a.t === 'other' || a.t === 'null'
            ? this.lit(right, depth + 1)
            : a;
        }
        const b = this.lit(right, depth + 1);
        if (op === '+' && a.t === 'str' && b.t === 'str') return { t: 'str', v: a.v + b.v };
        return { t: 'other', node: n };
      }
      case 'identifier':
        return { t: 'name', name: n.text, node: n };
      default:
        return { t: 'other', node: n };
    }
  }
}

export function collectTsBindings(nodes: readonly Node[]): TsReader {
  const bindings = new Bindings();
  for (const node of nodes) {
    if (node.type !== 'variable_declarator') continue;
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (name?.type === 'identifier' && value) bindings.bind(scopeOf(node), name.text, value);
  }
  return new TsReader(bindings);
}

/** The call a local helper returns, when its body is one `return <call>` (else undefined). */
export function helperReturn(fn: Node | undefined): Node | undefined {
  const body = fn?.childForFieldName('body');
  if (!body) return undefined;
  if (body.type === 'call_expression') return body; // an arrow function's expression body
  const returns = body.namedChildren.filter((c) => c.type === 'return_statement');
  const value = returns.length === 1 ? returns[0]!.namedChildren[0] : undefined;
  return value?.type === 'call_expression' ? value : undefined;
}
