/**
 * Agents SDK (TS/JS) function tools: `tool({ name, description, parameters, needsApproval,
 * execute })`. Parameters written with zod (`z.object({ city: z.string().describe(…) })`) or as a
 * JSON Schema literal are read; `execute` is code and is never imported.
 */
import type { Node } from 'web-tree-sitter';
import type { DraftTool } from '../draft';
import { lineOf } from '../parser';
import type { Report } from '../report';
import { bool, str, toJson } from '../values';
import { tsArgs, tsCallee, tsObject, type TsReader } from './tsLit';

const ZOD_TYPES: Record<string, string> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  array: 'array',
  object: 'object',
  enum: 'string',
};

/** A zod schema expression as JSON Schema (the common cases), with whether it is optional. */
function zodSchema(
  node: Node,
  reader: TsReader,
  depth = 0,
): { schema: Record<string, unknown>; optional: boolean } | undefined {
  const schema: Record<string, unknown> = {};
  let optional = false;
  let n: Node | null = reader.deref(node);
  for (let i = 0; n && n.type === 'call_expression' && i < 32; i++) {
    const method = tsCallee(n);
    const fn: Node | null = n.childForFieldName('function');
    const object: Node | null =
      fn?.type === 'member_expression' ? fn.childForFieldName('object') : null;
    const arg = tsArgs(n)[0];
    if (method === 'describe' && arg) {
      const d = str(reader.lit(arg));
      if (d !== undefined) schema.description = d;
    } else if (method === 'optional' || method === 'nullish' || method === 'default') {
      optional = true;
    } else if (method === 'int') {
      schema.type = 'integer';
    } else if (object?.text === 'z' && method && ZOD_TYPES[method]) {
      schema.type ??= ZOD_TYPES[method];
      if (method === 'object' && arg && depth < 8)
        Object.assign(schema, zodObject(arg, reader, depth + 1));
      if (method === 'enum' && arg) {
        const values = toJson(reader.lit(arg));
        if (Array.isArray(values)) schema.enum = values;
      }
      return { schema, optional };
    }
    n = object;
  }
  return undefined;
}

function zodObject(node: Node, reader: TsReader, depth: number): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const [key, value] of tsObject(reader.deref(node))) {
    if (key === '__proto__') continue;
    const read = zodSchema(value, reader, depth);
    properties[key] = read?.schema ?? {};
    if (!read?.optional) required.push(key);
  }
  return { properties, ...(required.length > 0 ? { required } : {}) };
}

/** The tool a `tool({...})` call defines, or undefined. */
export function readTsTool(
  call: Node,
  reader: TsReader,
  report: Report,
  at: Node = call,
): DraftTool | undefined {
  if (call.type !== 'call_expression' || tsCallee(call) !== 'tool') return undefined;
  const config = tsObject(reader.deref(tsArgs(call)[0] ?? call));
  const nameNode = config.get('name');
  const name = nameNode ? str(reader.lit(nameNode)) : undefined;
  if (name === undefined) return undefined;
  const description = config.get('description');
  const params = config.get('parameters');
  let parameters: Record<string, unknown> = { type: 'object', properties: {} };
  if (params) {
    const zod = zodSchema(params, reader);
    const json = zod ? undefined : toJson(reader.lit(params));
    if (zod) parameters = zod.schema;
    else if (json && typeof json === 'object' && !Array.isArray(json)) {
      parameters = json as Record<string, unknown>;
    }
  }
  const approval = config.get('needsApproval');
  report.add(
    'approximated',
    at,
    'tool_simulated',
    `Tool "${name}": its parameters and description are imported; its code is not ` +
      '(Handoff Studio simulates tools).',
  );
  return {
    name,
    description: (description && str(reader.lit(description))) ?? '',
    parameters,
    // A function deciding per call is approval that may be needed: kept as always.
    approval: approval && (bool(reader.lit(approval)) ?? true) ? 'always_require' : 'never_require',
    line: lineOf(at),
  };
}
