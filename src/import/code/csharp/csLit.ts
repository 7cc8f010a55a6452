/**
 * C# literals and name bindings read from a tree-sitter-c-sharp tree: strings (regular,
 * verbatim, raw; not interpolated), numbers, booleans, null, collection and array initialisers,
 * and names declared once with one of those (locals, fields, constants).
 */
import type { Node } from 'web-tree-sitter';
import { CODE_IMPORT_LIMITS } from '../types';
import { Bindings, unescape, type Lit } from '../values';

const SCOPES = new Set([
  'compilation_unit',
  'method_declaration',
  'local_function_statement',
  'constructor_declaration',
  'class_declaration',
]);

export function scopeOf(node: Node): Node {
  let n = node.parent;
  while (n && !SCOPES.has(n.type)) n = n.parent;
  return n ?? node;
}

/** The text of a C# string literal, or undefined (interpolated strings). */
export function csString(node: Node): string | undefined {
  switch (node.type) {
    case 'string_literal': {
      const body = node.text.replace(/^"/, '').replace(/"(u8)?$/, '');
      return unescape(body, (esc) =>
        esc === '\\' || esc === "'" || esc === '"' ? esc : undefined,
      );
    }
    case 'verbatim_string_literal':
      return node.text.replace(/^@"/, '').replace(/"$/, '').replace(/""/g, '"');
    case 'raw_string_literal': {
      const quotes = /^"+/.exec(node.text)![0].length;
      const body = node.text.slice(quotes, node.text.length - quotes);
      if (!body.includes('\n')) return body;
      const lines = body.split('\n');
      const last = lines.pop() ?? '';
      const indent = /^\s*/.exec(last)![0].length;
      return lines
        .slice(1)
        .map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length)))
        .join('\n');
    }
    default:
      return undefined;
  }
}

/** Arguments of an invocation or object creation: positional and named. */
export interface CsArgs {
  positional: Node[];
  named: Map<string, Node>;
}

export function csArgs(call: Node): CsArgs {
  const out: CsArgs = { positional: [], named: new Map() };
  const list =
    call.childForFieldName('arguments') ??
    call.namedChildren.find((c) => c.type === 'argument_list');
  for (const arg of list?.namedChildren ?? []) {
    if (arg.type !== 'argument') continue;
    const name = arg.childForFieldName('name')?.text;
    const value = arg.namedChildren[arg.namedChildren.length - 1];
    if (!value) continue;
    if (name && value !== arg.childForFieldName('name')) out.named.set(name, value);
    else out.positional.push(value);
  }
  return out;
}

/** `AsAIAgent` for `chatClient.AsAIAgent(...)`; the type name for `new ChatClientAgent(...)`. */
export function csCallee(call: Node): string | undefined {
  if (call.type === 'implicit_object_creation_expression') {
    // `ChatClientAgent a = new(...)`: the type is the declaration's.
    const type =
      call.parent?.parent?.type === 'variable_declaration'
        ? call.parent.parent.childForFieldName('type')
        : undefined;
    return type?.text.split('.').pop();
  }
  if (call.type === 'object_creation_expression') {
    const type = call.childForFieldName('type');
    return type?.type === 'generic_name'
      ? type.namedChildren[0]?.text
      : type?.text.split('.').pop();
  }
  if (call.type !== 'invocation_expression') return undefined;
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text;
  if (fn?.type === 'member_access_expression') return fn.childForFieldName('name')?.text;
  if (fn?.type === 'generic_name') return fn.namedChildren[0]?.text;
  return undefined;
}

/** The items of `[a, b]`, `new[] { a, b }`, `new T[] { a, b }`, `new List<T> { a, b }`. */
export function csItems(node: Node): Node[] | undefined {
  switch (node.type) {
    case 'collection_expression':
      return node.namedChildren.flatMap((el) => {
        const inner = el.type === 'collection_element' ? el.namedChildren[0] : el;
        const value = inner?.type === 'expression_element' ? inner.namedChildren[0] : inner;
        return value ? [value] : [];
      });
    case 'array_creation_expression':
    case 'implicit_array_creation_expression':
    case 'object_creation_expression': {
      const init =
        node.childForFieldName('initializer') ??
        node.namedChildren.find((c) => c.type === 'initializer_expression');
      return init ? init.namedChildren.filter((c) => c.type !== 'comment') : undefined;
    }
    default:
      return undefined;
  }
}

/** `{ Name = value, … }` of an object creation: property name → value. */
export function csInitializer(node: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  const init = node.childForFieldName('initializer');
  for (const a of init?.namedChildren ?? []) {
    if (a.type !== 'assignment_expression') continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type === 'identifier' && right) out.set(left.text, right);
  }
  return out;
}

export class CsReader {
  constructor(
    readonly bindings: Bindings,
    readonly root: Node,
  ) {}

  resolve(name: string, at: Node): Node | undefined {
    for (let scope: Node | null = scopeOf(at); scope;) {
      const found = this.bindings.lookup(scope, name, at);
      if (found) return found;
      if (scope.type === 'compilation_unit') break;
      scope = scopeOf(scope);
    }
    // Fields and constants of any class of the file (`HandoffStudioWorkflow.AutonomousPrompt`).
    return this.bindings.lookup(this.root, `field:${name}`, at);
  }

  deref(node: Node, depth = 0): Node {
    let n = node;
    for (let i = depth; i < CODE_IMPORT_LIMITS.maxValueDepth; i++) {
      if (n.type === 'parenthesized_expression' && n.namedChildren.length === 1) {
        n = n.namedChildren[0]!;
      } else if (n.type === 'identifier') {
        const bound = this.resolve(n.text, n);
        if (!bound || bound === n) return n;
        n = bound;
      } else if (n.type === 'member_access_expression') {
        // `Workflow.Prompt`: a constant of a class of this file.
        const name = n.childForFieldName('name');
        const bound = name ? this.bindings.lookup(this.root, `field:${name.text}`, n) : undefined;
        if (!bound) return n;
        n = bound;
      } else return n;
    }
    return n;
  }

  lit(node: Node, depth = 0): Lit {
    if (depth > CODE_IMPORT_LIMITS.maxValueDepth) return { t: 'other', node };
    switch (node.type) {
      case 'string_literal':
      case 'verbatim_string_literal':
      case 'raw_string_literal': {
        const v = csString(node);
        return v === undefined ? { t: 'other', node } : { t: 'str', v };
      }
      case 'integer_literal':
      case 'real_literal': {
        const v = Number(node.text.replace(/_/g, '').replace(/[fFdDmMuUlL]+$/, ''));
        return Number.isFinite(v) ? { t: 'num', v } : { t: 'other', node };
      }
      case 'boolean_literal':
        return { t: 'bool', v: node.text === 'true' };
      case 'null_literal':
        return { t: 'null' };
      case 'prefix_unary_expression': {
        const inner = node.namedChildren[0]
          ? this.lit(node.namedChildren[0], depth + 1)
          : undefined;
        if (inner?.t === 'num' && node.text.startsWith('-')) return { t: 'num', v: -inner.v };
        return { t: 'other', node };
      }
      case 'parenthesized_expression':
        return node.namedChildren.length === 1
          ? this.lit(node.namedChildren[0]!, depth + 1)
          : { t: 'other', node };
      case 'binary_expression': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const op = node.childForFieldName('operator')?.text;
        if (!left || !right) return { t: 'other', node };
        const a = this.lit(left, depth + 1);
        // `modelOverride ?? "gpt-4o"`, `GetEnvironmentVariable(…) ?? "gpt-4o"`: the literal fallback.
        if (op === '??') {
          return a.t === 'name' || a.t === 'null' || a.t === 'other'
            ? this.lit(right, depth + 1)
            : a;
        }
        const b = this.lit(right, depth + 1);
        if (op === '+' && a.t === 'str' && b.t === 'str') return { t: 'str', v: a.v + b.v };
        return { t: 'other', node };
      }
      case 'identifier':
      case 'member_access_expression': {
        const bound = this.deref(node);
        if (bound === node) {
          return node.type === 'identifier'
            ? { t: 'name', name: node.text, node }
            : { t: 'other', node };
        }
        const v = this.lit(bound, depth + 1);
        return v.t === 'other' && node.type === 'identifier'
          ? { t: 'name', name: node.text, node }
          : v;
      }
      default: {
        const items = csItems(node);
        if (items && node.type !== 'object_creation_expression') {
          return { t: 'list', items: items.map((i) => this.lit(i, depth + 1)) };
        }
        return { t: 'other', node };
      }
    }
  }
}

/** Binds locals, fields and constants (`T name = value;`) to their scope. */
export function collectCsBindings(root: Node, nodes: readonly Node[]): CsReader {
  const bindings = new Bindings();
  for (const node of nodes) {
    if (node.type !== 'variable_declarator') continue;
    const name = node.childForFieldName('name');
    const value = node.namedChildren
      .filter((c) => c !== name && c.type !== 'bracketed_argument_list')
      .pop();
    if (!name || !value || value.id === name.id) continue;
    const declaration = node.parent?.parent;
    if (declaration?.type === 'field_declaration') bindings.bind(root, `field:${name.text}`, value);
    else bindings.bind(scopeOf(node), name.text, value);
  }
  return new CsReader(bindings, root);
}
