/**
 * .NET function tools: `AIFunctionFactory.Create(Method, name, description)` (parameters from the
 * method's signature and `[Description]` attributes), Handoff Studio's own `TemplateTool(name,
 * description, parametersJson, result)`, either wrapped in `ApprovalRequiredAIFunction`. Tool code
 * is never imported: Handoff Studio simulates tools.
 */
import type { Node } from 'web-tree-sitter';
import type { DraftTool } from '../draft';
import { lineOf, walk } from '../parser';
import type { Report } from '../report';
import { str } from '../values';
import { csArgs, csCallee, type CsReader } from './csLit';

const JSON_TYPES: Record<string, string> = {
  string: 'string',
  int: 'integer',
  long: 'integer',
  double: 'number',
  float: 'number',
  decimal: 'number',
  bool: 'boolean',
};

function descriptionAttribute(node: Node, reader: CsReader): string | undefined {
  for (const list of node.namedChildren.filter((c) => c.type === 'attribute_list')) {
    for (const attr of list.namedChildren) {
      if (attr.type !== 'attribute') continue;
      if (
        !/^(System\.ComponentModel\.)?Description(Attribute)?$/.test(
          attr.childForFieldName('name')?.text ?? '',
        )
      )
        continue;
      const arg = attr.namedChildren.find((c) => c.type === 'attribute_argument_list')
        ?.namedChildren[0];
      const value = arg?.namedChildren[arg.namedChildren.length - 1];
      if (value) return str(reader.lit(value));
    }
  }
  return undefined;
}

function methodSchema(method: Node, reader: CsReader): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of method.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p.type !== 'parameter') continue;
    const name = p.childForFieldName('name')?.text;
    const type = p.childForFieldName('type')?.text.replace(/\?$/, '');
    if (!name || name === '__proto__' || type === 'CancellationToken') continue;
    const prop: Record<string, unknown> = {};
    const json = type ? JSON_TYPES[type] : undefined;
    if (json) prop.type = json;
    const description = descriptionAttribute(p, reader);
    if (description !== undefined) prop.description = description;
    properties[name] = prop;
    if (!p.namedChildren.some((c) => c.type === 'equals_value_clause') && !p.text.includes('=')) {
      required.push(name);
    }
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/** Reads a tool expression, or undefined when it is not a function tool of the file. */
export function readCsTool(
  node: Node,
  reader: CsReader,
  methods: ReadonlyMap<string, Node>,
  report: Report,
): DraftTool | undefined {
  const expr = reader.deref(node);
  const callee = csCallee(expr);
  const args = csArgs(expr);
  if (callee === 'ApprovalRequiredAIFunction' && args.positional[0]) {
    const inner = readCsTool(args.positional[0], reader, methods, report);
    return inner && { ...inner, approval: 'always_require' };
  }
  if (callee === 'TemplateTool') {
    const [n, d, p, r] = args.positional.map((a) => str(reader.lit(a)));
    if (n === undefined) return undefined;
    let parameters: Record<string, unknown> = { type: 'object', properties: {} };
    try {
      const parsed: unknown = p === undefined ? undefined : JSON.parse(p);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        parameters = parsed as Record<string, unknown>;
      }
    } catch {
      // not JSON: the default schema stays
    }
    report.add('recognised', expr, 'tool_recognised', `Tool "${n}" with its result template.`);
    return {
      name: n,
      description: d ?? '',
      parameters,
      approval: 'never_require',
      ...(r !== undefined ? { result: r } : {}),
      line: lineOf(expr),
    };
  }
  if (
    callee === 'Create' &&
    /AIFunctionFactory\.Create$/.test(expr.childForFieldName('function')?.text ?? '')
  ) {
    const target = args.positional[0] ?? args.named.get('method');
    const methodName = target?.text
      .split('.')
      .pop()
      ?.replace(/^nameof\(|\)$/g, '');
    const method = methodName ? methods.get(methodName) : undefined;
    const name =
      str(reader.lit(args.named.get('name') ?? args.positional[1] ?? expr)) ?? methodName;
    if (!name) return undefined;
    const description =
      str(reader.lit(args.named.get('description') ?? args.positional[2] ?? expr)) ??
      (method ? descriptionAttribute(method, reader) : undefined) ??
      '';
    report.add(
      'approximated',
      expr,
      'tool_simulated',
      `Tool "${name}": its parameters and description are imported; its code is not ` +
        '(Handoff Studio simulates tools).',
    );
    return {
      name,
      description,
      parameters: method ? methodSchema(method, reader) : { type: 'object', properties: {} },
      approval: 'never_require',
      line: lineOf(expr),
    };
  }
  return undefined;
}

/** Methods of the file by name (the targets of AIFunctionFactory.Create and of conditions). */
export function csMethods(root: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const n of walk(root)) {
    if (n.type === 'method_declaration' || n.type === 'local_function_statement') {
      const name = n.childForFieldName('name')?.text;
      if (name && !out.has(name)) out.set(name, n);
    }
  }
  return out;
}
