/** One parsed Python file and what every Python recogniser needs from it. */
import type { Node } from 'web-tree-sitter';
import { emptyDraft, type DraftTool, type WorkflowDraft } from '../draft';
import type { Report } from '../report';
import { num } from '../values';
import { collectBindings, PyReader, scopeOf } from './pyLit';
import { collectPythonTools } from './pyTools';

export interface PythonFile {
  root: Node;
  /** Every node in document order. */
  nodes: Node[];
  reader: PyReader;
  report: Report;
  draft: WorkflowDraft;
  functions: Map<string, Node>;
  unpacked: Map<string, { call: Node; index: number }>;
  tools: Map<string, DraftTool>;
  /** A module-level integer constant. */
  constant(name: string): number | undefined;
}

export function pythonFile(root: Node, nodes: Node[], report: Report): PythonFile {
  const reader = new PyReader(collectBindings(nodes));
  const functions = new Map<string, Node>();
  const unpacked = new Map<string, { call: Node; index: number }>();
  for (const node of nodes) {
    if (node.type === 'function_definition') {
      const name = node.childForFieldName('name')?.text;
      if (name && !functions.has(name)) functions.set(name, node);
    }
    if (node.type === 'assignment') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (
        (left?.type === 'pattern_list' || left?.type === 'tuple_pattern') &&
        right?.type === 'call'
      ) {
        left.namedChildren.forEach((target, index) => {
          if (target.type !== 'identifier') return;
          unpacked.set(`${scopeOf(node).id}:${target.text}`, { call: right, index });
          if (!unpacked.has(`*:${target.text}`))
            unpacked.set(`*:${target.text}`, { call: right, index });
        });
      }
    }
  }
  const tools = collectPythonTools(nodes, reader, report);
  return {
    root,
    nodes,
    reader,
    report,
    draft: emptyDraft(),
    functions,
    unpacked,
    tools,
    constant(name) {
      const bound = reader.bindings.lookup(root, name, root);
      return bound ? num(reader.lit(bound)) : undefined;
    },
  };
}
