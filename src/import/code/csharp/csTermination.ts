/**
 * A .NET termination condition (`WithTerminationCondition(messages => …)`, or a method it calls)
 * read for the shapes Handoff Studio can express: `x.Count >= n` / `x.Count() >= n` (messages),
 * `x.Count(m => m.Role == ChatRole.User) >= n` (user messages), keywords in the latest message,
 * and the author being one of a set of agents. Comparisons inside lambdas passed to `Where`,
 * `Count` or `Any` only select messages; any other comparison makes the result approximated.
 */
import type { Node } from 'web-tree-sitter';
import type { Termination } from '../../../model';
import { walk } from '../parser';
import { excerpt, type Report } from '../report';
import { num, str } from '../values';
import { csArgs, csCallee, type CsReader } from './csLit';

function insideLambda(node: Node, stop: Node): boolean {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) {
    if (n.type === 'lambda_expression') return true;
  }
  return false;
}

function read(
  body: Node,
  reader: CsReader,
  methods: ReadonlyMap<string, Node>,
  level: number,
): { termination: Partial<Termination>; unknown: Node[] } {
  const out = { termination: {} as Partial<Termination>, unknown: [] as Node[] };
  for (const node of walk(body)) {
    if (node.type === 'invocation_expression') {
      const name = csCallee(node);
      const fn = node.childForFieldName('function');
      const receiver =
        fn?.type === 'member_access_expression' ? fn.childForFieldName('expression') : undefined;
      if (name === 'Any' && receiver && !insideLambda(node, body)) {
        const list = reader.lit(receiver);
        if (list.t === 'list' && list.items.every((i) => i.t === 'str')) {
          out.termination.keywords = [
            ...(out.termination.keywords ?? []),
            ...list.items.map((i) => str(i)!),
          ];
        }
      } else if (name === 'Contains' && receiver && !insideLambda(node, body)) {
        const arg = csArgs(node).positional[0];
        const word = arg ? str(reader.lit(arg)) : undefined;
        if (word !== undefined) {
          out.termination.keywords = [...(out.termination.keywords ?? []), word];
        } else if (arg && /AuthorName/.test(arg.text)) {
          out.termination.endOnTerminalAgent = true;
        }
      } else if (name && level === 0 && methods.has(name) && fn?.type === 'identifier') {
        const inner = methods.get(name)!.childForFieldName('body');
        if (inner) {
          const r = read(inner, reader, methods, level + 1);
          Object.assign(out.termination, r.termination);
          out.unknown.push(...r.unknown);
        }
      }
      continue;
    }
    if (node.type !== 'binary_expression' || insideLambda(node, body)) continue;
    const op = node.childForFieldName('operator')?.text;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right || op === '&&' || op === '||' || op === '??') continue;
    const n = op === '>=' || op === '>' ? num(reader.lit(right)) : undefined;
    const counted =
      /\.Count$/.test(left.text) ||
      (left.type === 'invocation_expression' && csCallee(left) === 'Count');
    if (n !== undefined && counted) {
      const limit = op === '>' ? n + 1 : n;
      if (limit <= 1) continue;
      if (/ChatRole\.User/.test(left.text)) out.termination.maxUserMessages = limit;
      else out.termination.maxMessages = limit;
      continue;
    }
    if (op === '==' && counted && num(reader.lit(right)) === 0) continue; // an emptiness guard
    if (op === '==' && /\.Role$/.test(left.text)) continue; // who spoke: part of a check
    out.unknown.push(node);
  }
  return out;
}

/** Reads a condition into `termination`, reporting what was kept and what was not. */
export function applyCsCondition(
  condition: Node,
  reader: CsReader,
  methods: ReadonlyMap<string, Node>,
  termination: Partial<Termination>,
  report: Report,
): void {
  const target = reader.deref(condition);
  const body =
    target.type === 'lambda_expression'
      ? target.childForFieldName('body')
      : target.type === 'identifier' && methods.has(target.text)
        ? methods.get(target.text)!.childForFieldName('body')
        : null;
  const found = body ? read(body, reader, methods, 0) : undefined;
  const parts = found ? Object.keys(found.termination) : [];
  if (!found || parts.length === 0) {
    report.add(
      'left_out',
      condition,
      'termination_not_understood',
      `The termination condition ${excerpt(condition)} has no shape Handoff Studio can express; ` +
        'it is left out.',
    );
    return;
  }
  Object.assign(termination, found.termination);
  const summary = parts
    .map((p) => `${p} = ${JSON.stringify(found.termination[p as keyof Termination])}`)
    .join(', ');
  if (found.unknown.length > 0) {
    report.add(
      'approximated',
      condition,
      'termination_approximated',
      `Termination: ${summary} kept; ${found.unknown.map((n) => `"${excerpt(n, 40)}"`).join(', ')} left out.`,
    );
  } else {
    report.add('recognised', condition, 'termination_recognised', `Termination: ${summary}.`);
  }
}
