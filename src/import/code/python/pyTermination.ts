/**
 * A Python termination condition (a lambda or a function) read for the shapes Handoff Studio can
 * express: a message count (`len(x) >= n`), a user-message count (`sum(1 for m in x if m.role ==
 * "user") >= n`), keywords in the latest message, and "the last speaker is a terminal agent".
 * Comparisons inside comprehension filters only select messages; any other comparison is a part
 * that cannot be expressed, and the result is then reported as approximated.
 */
import type { Node } from 'web-tree-sitter';
import type { Termination } from '../../../model';
import { walk } from '../parser';
import type { Report } from '../report';
import { excerpt } from '../report';
import { num, str, type Lit } from '../values';
import { calleeName, pyArgs, type PyReader } from './pyLit';

const FILTERS = new Set(['if_clause']);

function inFilter(node: Node, stop: Node): boolean {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) {
    if (FILTERS.has(n.type)) return true;
  }
  return false;
}

function mentionsUser(node: Node): boolean {
  for (const n of walk(node))
    if (n.type === 'string' && n.text.slice(1, -1) === 'user') return true;
  return false;
}

function strings(lit: Lit): string[] | undefined {
  if (lit.t !== 'list') return undefined;
  const out: string[] = [];
  for (const item of lit.items) {
    if (item.t !== 'str') return undefined;
    out.push(item.v);
  }
  return out;
}

/** What a condition says, in document terms, and the comparisons it could not place. */
export interface ReadCondition {
  termination: Partial<Termination>;
  unknown: Node[];
}

/** Reads a condition's body (and the bodies of local helpers it calls, one level deep). */
export function readCondition(
  body: Node,
  reader: PyReader,
  functions: ReadonlyMap<string, Node>,
  level = 0,
): ReadCondition {
  const out: ReadCondition = { termination: {}, unknown: [] };
  const consumed = new Set<number>();
  for (const node of walk(body)) {
    if (node.type === 'call') {
      const name = calleeName(node);
      if (name === 'any' && level === 0) {
        const gen = pyArgs(node).positional[0];
        const clause = gen?.namedChildren.find((c) => c.type === 'for_in_clause');
        const source = clause?.childForFieldName('right');
        const words = source ? strings(reader.lit(source)) : undefined;
        if (gen && words) {
          out.termination.keywords = [...(out.termination.keywords ?? []), ...words];
          for (const n of walk(gen)) consumed.add(n.id);
        }
      } else if (name && functions.has(name) && level === 0) {
        const helper = functions.get(name)!.childForFieldName('body');
        if (helper) {
          const inner = readCondition(helper, reader, functions, level + 1);
          Object.assign(out.termination, inner.termination);
          out.unknown.push(...inner.unknown);
        }
      }
    }
    if (node.type !== 'comparison_operator' || consumed.has(node.id) || inFilter(node, body)) {
      continue;
    }
    const [left, right] = node.namedChildren;
    const op = node.childForFieldName('operators')?.text ?? node.children[1]?.text;
    if (!left || !right) continue;
    const count =
      op === '>=' ? num(reader.lit(right)) : op === '>' ? num(reader.lit(right)) : undefined;
    if (count !== undefined && left.type === 'call') {
      const n = op === '>' ? count + 1 : count;
      if (n <= 1) continue; // `len(x) > 0`: a guard against an empty conversation, not a limit
      const fn = calleeName(left);
      const arg = pyArgs(left).positional[0];
      if (fn === 'sum' && arg && mentionsUser(arg)) {
        out.termination.maxUserMessages = n;
        continue;
      }
      if (fn === 'len' && arg) {
        if (mentionsUser(arg)) out.termination.maxUserMessages = n;
        else out.termination.maxMessages = n;
        continue;
      }
    }
    if (op === '==' && /\.role$/.test(left.text)) continue; // who spoke: part of a check above
    if (op === 'in') {
      const word = str(reader.lit(left));
      if (word !== undefined && right.text.includes('lower')) {
        out.termination.keywords = [...(out.termination.keywords ?? []), word];
        continue;
      }
      const set = reader.deref(right);
      if (/author_name|\.name\b/.test(left.text) && set) {
        out.termination.endOnTerminalAgent = true;
        continue;
      }
    }
    out.unknown.push(node);
  }
  return out;
}

/** Reads `condition` (a lambda, or the name of a function) into the draft's termination. */
export function applyCondition(
  condition: Node,
  reader: PyReader,
  functions: ReadonlyMap<string, Node>,
  termination: Partial<Termination>,
  report: Report,
): void {
  const target = reader.deref(condition);
  let body: Node | null = null;
  if (target.type === 'lambda') body = target.childForFieldName('body');
  else if (target.type === 'identifier' && functions.has(target.text)) {
    body = functions.get(target.text)!.childForFieldName('body');
  }
  if (!body) {
    report.add(
      'left_out',
      condition,
      'termination_not_understood',
      `The termination condition ${excerpt(condition)} is not a lambda or a function of this ` +
        'file; the workflow has no termination condition.',
    );
    return;
  }
  const read = readCondition(body, reader, functions);
  const parts = Object.keys(read.termination);
  if (parts.length === 0) {
    report.add(
      'left_out',
      condition,
      'termination_not_understood',
      `The termination condition ${excerpt(condition)} has no shape Handoff Studio can express ` +
        '(a message count, a user-message count, keywords, a terminal agent); it is left out.',
    );
    return;
  }
  Object.assign(termination, read.termination);
  if (read.unknown.length > 0) {
    report.add(
      'approximated',
      condition,
      'termination_approximated',
      `Termination: ${parts.join(', ')} kept; ${read.unknown
        .map((n) => `"${excerpt(n, 40)}" (line ${n.startPosition.row + 1})`)
        .join(', ')} cannot be expressed and ${read.unknown.length === 1 ? 'is' : 'are'} left out.`,
    );
  } else {
    report.add(
      'recognised',
      condition,
      'termination_recognised',
      `Termination: ${parts.map((p) => `${p} = ${JSON.stringify(read.termination[p as keyof Termination])}`).join(', ')}.`,
    );
  }
}
