/**
 * Python literals and name bindings read from a tree-sitter-python tree. Only literals are read:
 * strings (not f-strings with fields), numbers, True/False/None, lists, tuples, dicts with string
 * keys, and names bound once to one of those.
 */
import type { Node } from 'web-tree-sitter';
import { Bindings, unescape, type Lit } from '../values';
import { CODE_IMPORT_LIMITS } from '../types';

const SCOPES = new Set(['module', 'function_definition', 'class_definition']);

/** The scope (module, function or class) a node belongs to. */
export function scopeOf(node: Node): Node {
  let n = node.parent;
  while (n && !SCOPES.has(n.type)) n = n.parent;
  return n ?? node;
}

/** Python keeps the backslash of an unknown escape (`"\\d"` is two characters). */
const pyEscape = (esc: string): string =>
  esc === '\\' || esc === "'" || esc === '"' ? esc : `\\${esc}`;

/** The text of a Python string literal, or undefined for f-strings with fields and bytes. */
export function pyString(node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    let out = '';
    for (const part of node.namedChildren) {
      if (part.type !== 'string') continue;
      const s = pyString(part);
      if (s === undefined) return undefined;
      out += s;
    }
    return out;
  }
  if (node.type !== 'string') return undefined;
  const start = node.children.find((c) => c.type === 'string_start')?.text ?? '"';
  const end = node.children.find((c) => c.type === 'string_end')?.text ?? '"';
  if (node.children.some((c) => c.type === 'interpolation')) return undefined;
  const prefix = start.replace(/['"]+$/, '').toLowerCase();
  if (prefix.includes('b')) return undefined;
  const body = node.text.slice(start.length, node.text.length - end.length);
  if (prefix.includes('r')) return body;
  return unescape(body, pyEscape);
}

/** Arguments of a call: positional ones and keyword ones. */
export interface PyArgs {
  positional: Node[];
  keyword: Map<string, Node>;
  /** `*args` / `**kwargs` spread into the call. */
  spread: boolean;
}

export function pyArgs(call: Node): PyArgs {
  const out: PyArgs = { positional: [], keyword: new Map(), spread: false };
  const list = call.childForFieldName('arguments');
  if (!list) return out;
  if (list.type === 'generator_expression') {
    out.positional.push(list);
    return out;
  }
  for (const arg of list.namedChildren) {
    if (arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) out.keyword.set(name, value);
    } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
      out.spread = true;
    } else out.positional.push(arg);
  }
  return out;
}

/** The called name: `Agent` for `Agent(...)`, `as_agent` for `client.as_agent(...)`. */
export function calleeName(call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  // `Agent[Context](...)`: the generic's name.
  const callee = fn.type === 'subscript' ? fn.childForFieldName('value') : fn;
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'attribute') return callee.childForFieldName('attribute')?.text;
  return undefined;
}

/**
 * The text of a string literal with its f-string fields left as written (`{PREFIX} You…`): for
 * prose such as instructions, where the fields are shown, never evaluated.
 */
export function pyTemplate(node: Node): string | undefined {
  const strict = pyString(node);
  if (strict !== undefined) return strict;
  const parts = node.type === 'concatenated_string' ? node.namedChildren : [node];
  let out = '';
  for (const part of parts) {
    if (part.type !== 'string') return undefined;
    const start = part.children.find((c) => c.type === 'string_start')?.text ?? '"';
    const end = part.children.find((c) => c.type === 'string_end')?.text ?? '"';
    if (start.toLowerCase().includes('b')) return undefined;
    const body = part.text.slice(start.length, part.text.length - end.length);
    const plain = pyString(part);
    out += plain ?? (start.toLowerCase().includes('r') ? body : unescape(body, pyEscape));
  }
  return out;
}

/** Reads literal values, following names bound in the file. */
export class PyReader {
  constructor(readonly bindings: Bindings) {}

  /** The node a name refers to at `at`: its binding in this scope or an enclosing one. */
  resolve(name: string, at: Node): Node | undefined {
    for (let scope: Node | null = scopeOf(at); scope;) {
      const found = this.bindings.lookup(scope, name, at);
      if (found) return found;
      if (scope.type === 'module') return undefined;
      scope = scopeOf(scope);
    }
    return undefined;
  }

  /** Follows names and parentheses to the expression they stand for. */
  deref(node: Node, depth = 0): Node {
    let n = node;
    for (let i = depth; i < CODE_IMPORT_LIMITS.maxValueDepth; i++) {
      if (n.type === 'parenthesized_expression' && n.namedChildren.length === 1) {
        n = n.namedChildren[0]!;
      } else if (n.type === 'identifier') {
        const bound = this.resolve(n.text, n);
        if (!bound || bound === n) return n;
        n = bound;
      } else return n;
    }
    return n;
  }

  lit(node: Node, depth = 0): Lit {
    if (depth > CODE_IMPORT_LIMITS.maxValueDepth) return { t: 'other', node };
    switch (node.type) {
      case 'string':
      case 'concatenated_string': {
        const v = pyString(node);
        return v === undefined ? { t: 'other', node } : { t: 'str', v };
      }
      case 'integer': {
        const v = Number(node.text.replace(/_/g, '').replace(/[lLjJ]$/, ''));
        return Number.isFinite(v) ? { t: 'num', v } : { t: 'other', node };
      }
      case 'float': {
        const v = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(v) ? { t: 'num', v } : { t: 'other', node };
      }
      case 'true':
        return { t: 'bool', v: true };
      case 'false':
        return { t: 'bool', v: false };
      case 'none':
        return { t: 'null' };
      case 'unary_operator': {
        const arg = node.childForFieldName('argument');
        const op = node.childForFieldName('operator')?.text;
        const inner = arg ? this.lit(arg, depth + 1) : undefined;
        if (inner?.t === 'num' && (op === '-' || op === '+')) {
          return { t: 'num', v: op === '-' ? -inner.v : inner.v };
        }
        return { t: 'other', node };
      }
      case 'parenthesized_expression': {
        const inner = node.namedChildren.filter((c) => c.type !== 'comment');
        return inner.length === 1 ? this.lit(inner[0]!, depth + 1) : { t: 'other', node };
      }
      case 'list':
      case 'tuple':
      case 'set':
        return {
          t: 'list',
          items: node.namedChildren
            .filter((c) => c.type !== 'comment')
            .map((c) => this.lit(c, depth + 1)),
        };
      case 'dictionary': {
        const entries: Array<[string, Lit]> = [];
        for (const pair of node.namedChildren) {
          if (pair.type !== 'pair') {
            if (pair.type === 'comment') continue;
            return { t: 'other', node };
          }
          const key = pair.childForFieldName('key');
          const value = pair.childForFieldName('value');
          const k = key ? this.lit(key, depth + 1) : undefined;
          if (k?.t !== 'str' || !value) return { t: 'other', node };
          entries.push([k.v, this.lit(value, depth + 1)]);
        }
        return { t: 'dict', entries };
      }
      case 'binary_operator': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const op = node.childForFieldName('operator')?.text;
        if (left && right && op === '+') {
          const a = this.lit(left, depth + 1);
          const b = this.lit(right, depth + 1);
          if (a.t === 'str' && b.t === 'str') return { t: 'str', v: a.v + b.v };
        }
        return { t: 'other', node };
      }
      case 'boolean_operator': {
        // `model or "gpt-4o"`: a parameter that overrides a literal default; the literal is kept.
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (node.childForFieldName('operator')?.text === 'or' && left && right) {
          const a = this.lit(left, depth + 1);
          if (a.t === 'name') return this.lit(right, depth + 1);
          return a;
        }
        return { t: 'other', node };
      }
      case 'identifier': {
        const bound = this.resolve(node.text, node);
        if (!bound || bound === node) return { t: 'name', name: node.text, node };
        const v = this.lit(bound, depth + 1);
        return v.t === 'other' ? { t: 'name', name: node.text, node } : v;
      }
      default:
        return { t: 'other', node };
    }
  }
}

/** Binds every `name = value` (and annotated assignment) of the file to its scope. */
export function collectBindings(nodes: readonly Node[]): Bindings {
  const bindings = new Bindings();
  for (const node of nodes) {
    if (node.type !== 'assignment') continue;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left?.type === 'identifier' && right) bindings.bind(scopeOf(node), left.text, right);
  }
  return bindings;
}

/** The docstring of a function definition, trimmed and dedented. */
export function docstring(fn: Node): string | undefined {
  const first = fn.childForFieldName('body')?.namedChildren[0];
  const str = first?.type === 'expression_statement' ? first.namedChildren[0] : undefined;
  if (!str || str.type !== 'string') return undefined;
  const text = pyString(str);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const indents = lines
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => /^\s*/.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return [lines[0]!.trim(), ...lines.slice(1).map((l) => l.slice(cut))].join('\n').trim();
}
