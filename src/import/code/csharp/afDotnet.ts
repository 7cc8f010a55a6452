/**
 * Agent Framework for .NET: `AgentWorkflowBuilder.CreateHandoffBuilderWith(start)` and its
 * methods, chained or over several statements: `AddParticipants`, `WithHandoff(from, to,
 * handoffReason)`, `WithHandoffs(from, [to…])` / `WithHandoffs([from…], to)`,
 * `EnableReturnToPrevious`, `WithAutonomousMode`, `WithTerminationCondition`, `Build`.
 */
import type { Node } from 'web-tree-sitter';
import { DEFAULT_TURN_LIMIT } from '../../../model';
import { emptyDraft, type DraftAgent, type WorkflowDraft } from '../draft';
import { lineOf } from '../parser';
import { excerpt, type Report } from '../report';
import { num, str } from '../values';
import { CsAgents } from './csAgents';
import { collectCsBindings, csArgs, csCallee, csItems, type CsReader } from './csLit';
import { applyCsCondition } from './csTermination';
import { csMethods } from './csTools';

const isRoot = (n: Node) =>
  n.type === 'invocation_expression' &&
  /(^|\.)CreateHandoffBuilderWith$/.test(n.childForFieldName('function')?.text ?? '');

function chainRoot(node: Node): Node {
  let n = node;
  for (let i = 0; i < 10_000; i++) {
    if (n.type === 'parenthesized_expression' && n.namedChildren.length === 1)
      n = n.namedChildren[0]!;
    else if (
      !isRoot(n) &&
      n.type === 'invocation_expression' &&
      n.childForFieldName('function')?.type === 'member_access_expression'
    ) {
      n = n.childForFieldName('function')!.childForFieldName('expression')!;
    } else return n;
  }
  return n;
}

export function isAgentFrameworkDotnet(nodes: readonly Node[]): boolean {
  return nodes.some(isRoot);
}

/** A class constant of Handoff Studio's own export (`Name`, `Description`, `MaxHandoffsPerTurn`). */
function exportConstant(reader: CsReader, builder: Node, name: string) {
  const value = reader.bindings.lookup(reader.root, `field:${name}`, builder);
  let cls: Node | null = builder;
  while (cls && cls.type !== 'class_declaration') cls = cls.parent;
  if (!value || !cls || value.startIndex < cls.startIndex || value.endIndex > cls.endIndex)
    return undefined;
  return reader.lit(value);
}

export function readAgentFrameworkDotnet(root: Node, nodes: Node[], report: Report): WorkflowDraft {
  const draft = emptyDraft();
  const reader = collectCsBindings(root, nodes);
  const methods = csMethods(root);
  const agents = new CsAgents(reader, methods, report);
  agents.collect(nodes);
  const roots = nodes.filter(isRoot);
  const builder = roots[0]!;
  for (const other of roots.slice(1)) {
    report.add(
      'left_out',
      other,
      'second_builder_left_out',
      'A second handoff builder is not imported.',
    );
  }
  const isBuilder = (expr: Node, depth = 0): boolean => {
    if (depth > 8) return false;
    const r = chainRoot(expr);
    if (r.id === builder.id) return true;
    if (r.type !== 'identifier') return false;
    const bound = reader.resolve(r.text, r);
    if (!bound || (bound.type === 'invocation_expression' && csCallee(bound) === 'Build'))
      return false;
    return isBuilder(bound, depth + 1);
  };

  const participants: DraftAgent[] = [];
  const agentsOf = (node: Node): DraftAgent[] => {
    const list = reader.deref(node);
    const items = csItems(list) ?? [list];
    const out: DraftAgent[] = [];
    for (const item of items) {
      const agent = agents.resolve(item);
      if (agent) {
        out.push(agent);
        if (!participants.includes(agent)) participants.push(agent);
      } else if (agent === undefined) {
        report.add(
          'not_understood',
          item,
          'agent_reference_not_understood',
          `${excerpt(item)} is not an agent built in this file; it is left out.`,
        );
      }
    }
    return out;
  };

  const start = csArgs(builder).positional[0];
  const first = start ? agentsOf(start)[0] : undefined;
  if (first) {
    draft.start = first.id;
    draft.startLine = lineOf(builder);
  }
  const name = str(exportConstant(reader, builder, 'Name'));
  const description = str(exportConstant(reader, builder, 'Description'));
  if (name !== undefined) draft.name = name;
  if (description !== undefined) draft.description = description;

  const attribute = (n: Node) => n.childForFieldName('function')!.childForFieldName('name')!;
  const calls = nodes
    .filter((n) => {
      if (n.type !== 'invocation_expression') return false;
      const fn = n.childForFieldName('function');
      return (
        fn?.type === 'member_access_expression' && isBuilder(fn.childForFieldName('expression')!)
      );
    })
    .sort((a, b) => attribute(a).startIndex - attribute(b).startIndex);

  let returnToPrevious = false;
  let handoffCalls = 0;
  for (const call of calls) {
    const method = csCallee(call)!;
    const args = csArgs(call);
    switch (method) {
      case 'AddParticipants':
        for (const p of args.positional) agentsOf(p);
        break;
      case 'WithHandoff':
      case 'WithHandoffs': {
        handoffCalls++;
        const [fromNode, toNode] = [
          args.positional[0] ?? args.named.get('from'),
          args.positional[1] ?? args.named.get('to'),
        ];
        const reasonNode = args.named.get('handoffReason') ?? args.positional[2];
        const reason = reasonNode ? str(reader.lit(reasonNode)) : undefined;
        if (reasonNode && reason === undefined) {
          report.add(
            'approximated',
            reasonNode,
            'handoff_description_not_literal',
            `The handoff reason ${excerpt(reasonNode)} is computed; the target's description is used.`,
          );
        }
        if (!fromNode || !toNode) {
          report.add(
            'not_understood',
            call,
            'handoff_not_understood',
            `${excerpt(call)}: the handoff's ends cannot be read.`,
          );
          break;
        }
        for (const s of agentsOf(fromNode)) {
          for (const t of agentsOf(toNode)) {
            draft.edges.push({
              source: s.id,
              target: t.id,
              ...(reason !== undefined ? { description: reason } : {}),
              line: lineOf(call),
            });
          }
        }
        break;
      }
      case 'EnableReturnToPrevious':
        returnToPrevious = true;
        break;
      case 'WithAutonomousMode': {
        draft.interaction.mode = 'autonomous';
        const prompt = args.named.get('continuationPrompt') ?? args.positional[0];
        const promptText = prompt ? str(reader.lit(prompt)) : undefined;
        if (promptText !== undefined) draft.interaction.autonomousPrompt = promptText;
        const listed = args.named.get('agents') ?? args.positional[1];
        const chosen =
          listed && listed.type !== 'null_literal' ? agentsOf(listed) : [...participants];
        const limitsNode = args.named.get('agentTurnLimits') ?? args.positional[2];
        const turnLimits: Array<[string, number]> = [];
        const limits = limitsNode ? reader.deref(limitsNode) : undefined;
        for (const a of limits?.childForFieldName('initializer')?.namedChildren ?? []) {
          const key = a.childForFieldName('left')?.namedChildren[0]?.namedChildren[0];
          const value = a.childForFieldName('right');
          const agent = key ? agents.resolve(key) : undefined;
          const n = value ? num(reader.lit(value)) : undefined;
          if (agent && n !== undefined && n !== DEFAULT_TURN_LIMIT) turnLimits.push([agent.id, n]);
        }
        draft.autonomous = { agents: chosen.map((a) => a.id), turnLimits };
        report.add('recognised', call, 'autonomous_mode', 'Autonomous mode.');
        break;
      }
      case 'WithTerminationCondition': {
        const condition = args.positional[0];
        if (condition) applyCsCondition(condition, reader, methods, draft.termination, report);
        break;
      }
      case 'Build':
        break;
      default:
        report.add(
          'left_out',
          call,
          'builder_call_left_out',
          `${method}(…) has no counterpart in Handoff Studio; it is left out.`,
        );
    }
  }
  draft.interaction.returnToPrevious = returnToPrevious;
  draft.mesh = handoffCalls === 0;
  if (draft.mesh) {
    // Without handoffs every agent may hand off to every other; the agents are the participants.
    report.add(
      'recognised',
      builder,
      'mesh_by_omission',
      'No WithHandoff: every agent may hand off to every other (the mesh).',
    );
  }
  for (const agent of agents.list) {
    if (!participants.includes(agent)) {
      report.add(
        'left_out',
        agent.line,
        'agent_not_participant',
        `Agent "${agent.name}" takes no part in the handoff workflow; it is left out.`,
      );
    }
  }
  draft.agents = participants;
  draft.tools = agents.usedTools;
  const limit = num(exportConstant(reader, builder, 'MaxHandoffsPerTurn'));
  if (limit !== undefined) draft.termination.maxHandoffsPerTurn = limit;
  return draft;
}
