/**
 * Python function tools: `@tool` / `@ai_function` / `@function_tool` functions (name, docstring,
 * typed parameters) and tool objects made by a call (`tool(fn, name=…, schema=…)`, Handoff
 * Studio's own `_template_tool(name=…, parameters=…, result=…)`). The bodies are code and are
 * never imported: Handoff Studio simulates tools.
 */
import type { Node } from 'web-tree-sitter';
import type { DraftTool } from '../draft';
import type { Report } from '../report';
import { bool, str, toJson } from '../values';
import { calleeName, docstring, pyArgs, type PyReader } from './pyLit';
import { lineOf } from '../parser';

const TOOL_DECORATORS = new Set(['tool', 'ai_function', 'function_tool']);
const TOOL_FACTORIES = new Set(['tool', 'ai_function', 'function_tool', '_template_tool']);

const JSON_TYPES: Record<string, string> = {
  str: 'string',
  int: 'integer',
  float: 'number',
  bool: 'boolean',
  list: 'array',
  dict: 'object',
};

/** The JSON Schema of a function's parameters, read from their annotations. */
export function signatureSchema(fn: Node, reader: PyReader): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    const hasDefault = p.type === 'typed_default_parameter' || p.type === 'default_parameter';
    const nameNode =
      p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren[0]);
    if (!nameNode || nameNode.type !== 'identifier') continue;
    const name = nameNode.text;
    if (name === 'self' || name === 'cls' || name === '__proto__') continue;
    const prop: Record<string, unknown> = {};
    let type = p.childForFieldName('type')?.namedChildren[0];
    if (type?.type === 'generic_type' && type.namedChildren[0]?.text === 'Annotated') {
      const params = type.namedChildren[1]?.namedChildren ?? [];
      const meta = params[1]?.namedChildren[0];
      const described = meta ? describe(meta, reader) : undefined;
      if (described !== undefined) prop.description = described;
      type = params[0]?.namedChildren[0];
    }
    const base = type?.type === 'generic_type' ? type.namedChildren[0]?.text : type?.text;
    // The Agents SDK passes its run context itself; the model never sees that parameter.
    if (base === 'RunContextWrapper' || base === 'ToolContext') continue;
    const json = base === undefined ? undefined : JSON_TYPES[base];
    if (json) prop.type = json;
    properties[name] = prop;
    if (!hasDefault) required.push(name);
  }
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

/** `"text"` or `Field(description="text")` in an `Annotated[...]`. */
function describe(meta: Node, reader: PyReader): string | undefined {
  if (meta.type === 'call') {
    const d = pyArgs(meta).keyword.get('description');
    return d ? str(reader.lit(d)) : undefined;
  }
  return str(reader.lit(meta));
}

function approvalOf(value: Node | undefined, reader: PyReader): DraftTool['approval'] {
  return value && str(reader.lit(value)) === 'always_require' ? 'always_require' : 'never_require';
}

/** Tools of the file, keyed by the name the code uses for them (function or variable name). */
export function collectPythonTools(
  nodes: readonly Node[],
  reader: PyReader,
  report: Report,
): Map<string, DraftTool> {
  const tools = new Map<string, DraftTool>();
  const functions = new Map<string, Node>();
  for (const node of nodes) {
    if (node.type === 'function_definition') {
      const name = node.childForFieldName('name')?.text;
      if (name) functions.set(name, node);
    }
  }
  for (const node of nodes) {
    if (node.type === 'decorated_definition') {
      const fn = node.childForFieldName('definition');
      if (fn?.type !== 'function_definition') continue;
      for (const deco of node.namedChildren.filter((c) => c.type === 'decorator')) {
        const expr = deco.namedChildren[0];
        const call = expr?.type === 'call' ? expr : undefined;
        const name = call ? calleeName(call) : expr?.text.split('.').pop();
        if (!name || !TOOL_DECORATORS.has(name)) continue;
        const args = call ? pyArgs(call) : undefined;
        const fnName = fn.childForFieldName('name')!.text;
        const kw = (k: string) => (args ? str(litOf(args.keyword.get(k), reader)) : undefined);
        const toolName = kw('name') ?? kw('name_override') ?? fnName;
        const description = kw('description') ?? kw('description_override') ?? docstring(fn) ?? '';
        const needsApproval = args?.keyword.get('needs_approval');
        tools.set(fnName, {
          name: toolName,
          description,
          parameters: signatureSchema(fn, reader),
          approval:
            needsApproval && needsApproval.type !== 'false'
              ? 'always_require'
              : approvalOf(args?.keyword.get('approval_mode'), reader),
          line: lineOf(node),
        });
        report.add(
          'approximated',
          node,
          'tool_simulated',
          `Tool "${toolName}": its parameters and description are imported; its code is not ` +
            '(Handoff Studio simulates tools).',
        );
      }
    }
    if (node.type === 'assignment' && node.childForFieldName('right')?.type === 'call') {
      const left = node.childForFieldName('left');
      const call = node.childForFieldName('right')!;
      const factory = calleeName(call);
      if (left?.type !== 'identifier' || !factory || !TOOL_FACTORIES.has(factory)) continue;
      const args = pyArgs(call);
      const fnRef = args.positional[0];
      const fn = fnRef?.type === 'identifier' ? functions.get(fnRef.text) : undefined;
      const name = str(litOf(args.keyword.get('name'), reader)) ?? fnRef?.text;
      if (!name) continue;
      const schemaNode = args.keyword.get('parameters') ?? args.keyword.get('schema');
      const schema = schemaNode ? toJson(reader.lit(schemaNode)) : undefined;
      const result = str(litOf(args.keyword.get('result'), reader));
      tools.set(left.text, {
        name,
        description:
          str(litOf(args.keyword.get('description'), reader)) ?? (fn && docstring(fn)) ?? '',
        parameters:
          schema && typeof schema === 'object' && !Array.isArray(schema)
            ? (schema as Record<string, unknown>)
            : fn
              ? signatureSchema(fn, reader)
              : { type: 'object', properties: {} },
        // Handoff Studio's Agents SDK export writes `needs_approval=True|False`.
        approval:
          bool(litOf(args.keyword.get('needs_approval'), reader)) === true
            ? 'always_require'
            : approvalOf(args.keyword.get('approval_mode'), reader),
        ...(result !== undefined ? { result } : {}),
        line: lineOf(node),
      });
      report.add(
        result !== undefined ? 'recognised' : 'approximated',
        node,
        result !== undefined ? 'tool_recognised' : 'tool_simulated',
        result !== undefined
          ? `Tool "${name}" with its result template.`
          : `Tool "${name}": its parameters and description are imported; its code is not ` +
              '(Handoff Studio simulates tools).',
      );
    }
  }
  return tools;
}

function litOf(node: Node | undefined, reader: PyReader) {
  return node ? reader.lit(node) : undefined;
}
