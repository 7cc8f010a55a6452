/**
 * The module constants of Handoff Studio's own Agents SDK export for TypeScript
 * (`export const WORKFLOW_NAME = "…"`, `const TURN_LIMITS = new Map([...])`, `const TERMINATION
 * = { maxMessages, … }`): top-level `const` bindings, read as literals only.
 */
import type { Node } from 'web-tree-sitter';
import type { ExportConstant, ExportSettings } from '../exportSettings';
import { scopeOf, tsArgs, tsCallee, tsObject, type TsReader } from './tsLit';

/** `new Map(...)` / `new Set(...)` of a literal list: that list (no argument: an empty one). */
function collection(node: Node, reader: TsReader): ExportConstant['lit'] {
  if (node.type === 'new_expression' && ['Map', 'Set'].includes(tsCallee(node) ?? '')) {
    const arg = tsArgs(node)[0];
    return arg ? reader.lit(arg) : { t: 'list', items: [] };
  }
  return reader.lit(node);
}

export function readTsExportSettings(nodes: readonly Node[], reader: TsReader): ExportSettings {
  const top = new Map<string, Node>();
  for (const n of nodes) {
    if (n.type !== 'variable_declarator' || n.parent?.type !== 'lexical_declaration') continue;
    if (!n.parent.text.startsWith('const') || scopeOf(n).type !== 'program') continue;
    const name = n.childForFieldName('name')?.text;
    const value = n.childForFieldName('value');
    if (name && value && !top.has(name)) top.set(name, value);
  }
  const constant = (name: string): ExportConstant | undefined => {
    const value = top.get(name);
    return value ? { lit: collection(reader.deref(value), reader), at: value } : undefined;
  };
  const termination = top.get('TERMINATION');
  const fields = tsObject(termination ? reader.deref(termination) : undefined);
  const part = (key: string): ExportConstant | undefined => {
    const value = fields.get(key);
    return value ? { lit: reader.lit(value), at: value } : undefined;
  };
  return {
    name: constant('WORKFLOW_NAME'),
    description: constant('WORKFLOW_DESCRIPTION'),
    returnToPrevious: constant('RETURN_TO_PREVIOUS'),
    autonomousPrompt: constant('AUTONOMOUS_PROMPT'),
    turnLimits: constant('TURN_LIMITS'),
    maxHandoffsPerTurn: constant('MAX_HANDOFFS_PER_TURN'),
    maxModelCallsPerTurn: constant('MAX_MODEL_CALLS_PER_TURN'),
    maxMessages: part('maxMessages'),
    maxUserMessages: part('maxUserMessages'),
    keywords: part('keywords'),
    endOnTerminalAgent: part('endOnTerminalAgent'),
  };
}
