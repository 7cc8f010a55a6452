/**
 * Agent Framework for Python: `HandoffBuilder(participants=[…], name=…, description=…,
 * termination_condition=…)` and its methods, chained or over several statements
 * (`b = HandoffBuilder(...)`, `b.add_handoff(...)`, `wf = b.build()`). No `add_handoff` means
 * Agent Framework's mesh, which is also what an empty handoff list means in Handoff Studio.
 */
import type { Node } from 'web-tree-sitter';
import { DEFAULT_TURN_LIMIT } from '../../../model';
import type { DraftAgent, WorkflowDraft } from '../draft';
import { lineOf } from '../parser';
import { excerpt } from '../report';
import { bool, num, str } from '../values';
import { PyAgents } from './pyAgents';
import { calleeName, pyArgs } from './pyLit';
import type { PythonFile } from './pyFile';
import { applyCondition } from './pyTermination';

const AGENT_CONSTRUCTORS = new Set(['as_agent', 'create_agent', 'Agent', 'ChatAgent']);
const SILENT = new Set(['build']);

/** The call at the root of a method chain (`HandoffBuilder(...)` in `HandoffBuilder(...).a().b()`). */
function chainRoot(node: Node): Node {
  let n = node;
  for (;;) {
    if (n.type === 'parenthesized_expression' && n.namedChildren.length === 1) {
      n = n.namedChildren[0]!;
    } else if (n.type === 'call' && n.childForFieldName('function')?.type === 'attribute') {
      n = n.childForFieldName('function')!.childForFieldName('object')!;
    } else return n;
  }
}

export function isAgentFrameworkPython(file: PythonFile): boolean {
  return file.nodes.some((n) => n.type === 'call' && calleeName(n) === 'HandoffBuilder');
}

/** Reads the first HandoffBuilder of the file into a draft. */
export function readAgentFrameworkPython(file: PythonFile): WorkflowDraft {
  const { reader, report, draft } = file;
  const agents = new PyAgents(file, AGENT_CONSTRUCTORS);
  agents.collect(file.nodes);

  const builders = file.nodes.filter(
    (n) => n.type === 'call' && calleeName(n) === 'HandoffBuilder',
  );
  const builder = builders[0]!;
  for (const other of builders.slice(1)) {
    report.add(
      'left_out',
      other,
      'second_builder_left_out',
      'A second HandoffBuilder is not imported.',
    );
  }
  // Names bound to the builder (`b = HandoffBuilder(...)`, `b = b.add_handoff(...)`); a name bound
  // to `(...).build()` holds the built workflow, not the builder.
  const isBuilder = (expr: Node, depth = 0): boolean => {
    if (depth > 8) return false;
    const value = reader.deref(expr);
    if (value.type === 'call' && calleeName(value) === 'build') return false;
    const root = chainRoot(expr);
    if (root.id === builder.id) return true;
    if (root.type !== 'identifier') return false;
    const bound = reader.resolve(root.text, root);
    return bound !== undefined && bound.id !== expr.id && isBuilder(bound, depth + 1);
  };

  const participants: DraftAgent[] = [];
  const addParticipants = (node: Node) => {
    const list = reader.deref(node);
    const items = list.type === 'list' || list.type === 'tuple' ? list.namedChildren : [list];
    for (const item of items) {
      if (item.type === 'comment') continue;
      const agent = agents.resolve(item);
      if (agent) {
        if (!participants.includes(agent)) participants.push(agent);
      } else if (agent === undefined) {
        report.add(
          'not_understood',
          item,
          'participant_not_understood',
          `The participant ${excerpt(item)} is not an agent built in this file; it is not imported.`,
        );
      }
    }
  };
  const agentsOf = (node: Node): DraftAgent[] => {
    const list = reader.deref(node);
    const items = list.type === 'list' || list.type === 'tuple' ? list.namedChildren : [list];
    const out: DraftAgent[] = [];
    for (const item of items) {
      if (item.type === 'comment') continue;
      const byName = str(reader.lit(item));
      const agent =
        byName !== undefined ? agents.list.find((a) => a.name === byName) : agents.resolve(item);
      if (agent) out.push(agent);
      else {
        report.add(
          'not_understood',
          item,
          'agent_reference_not_understood',
          `${excerpt(item)} does not name an agent of this file; it is left out.`,
        );
      }
    }
    return out;
  };

  const args = pyArgs(builder);
  for (const [key, value] of args.keyword) {
    if (key === 'participants') addParticipants(value);
    else if (key === 'name') draft.name = str(reader.lit(value));
    else if (key === 'description') draft.description = str(reader.lit(value));
    else if (key === 'termination_condition') {
      applyCondition(value, reader, file.functions, draft.termination, report);
    } else {
      report.add(
        'left_out',
        value,
        'builder_option_left_out',
        `HandoffBuilder ${key}= is not imported.`,
      );
    }
  }
  if (args.positional[0]) addParticipants(args.positional[0]);

  let handoffs = 0;
  let returnToPrevious = false;
  const calls = file.nodes
    .filter((n) => {
      if (n.type !== 'call') return false;
      const fn = n.childForFieldName('function');
      return fn?.type === 'attribute' && isBuilder(fn.childForFieldName('object')!);
    })
    .sort(
      (a, b) =>
        a.childForFieldName('function')!.childForFieldName('attribute')!.startIndex -
        b.childForFieldName('function')!.childForFieldName('attribute')!.startIndex,
    );
  for (const call of calls) {
    const method = calleeName(call)!;
    const margs = pyArgs(call);
    const first = margs.positional[0];
    switch (method) {
      case 'participants':
        if (first) addParticipants(first);
        break;
      case 'with_start_agent': {
        const start = first ? agentsOf(first)[0] : undefined;
        if (start) {
          draft.start = start.id;
          draft.startLine = lineOf(call);
        }
        break;
      }
      case 'add_handoff': {
        handoffs++;
        const sources = first ? agentsOf(first) : [];
        const targetNode = margs.positional[1] ?? margs.keyword.get('targets');
        const targets = targetNode ? agentsOf(targetNode) : [];
        const descNode = margs.keyword.get('description') ?? margs.positional[2];
        const description = descNode ? str(reader.lit(descNode)) : undefined;
        if (descNode && description === undefined) {
          report.add(
            'approximated',
            descNode,
            'handoff_description_not_literal',
            `The handoff description ${excerpt(descNode)} is computed; the target's description is used.`,
          );
        }
        for (const s of sources) {
          for (const t of targets) {
            draft.edges.push({
              source: s.id,
              target: t.id,
              ...(description !== undefined ? { description } : {}),
              line: lineOf(call),
            });
          }
        }
        break;
      }
      case 'enable_return_to_previous': {
        const v = first ?? margs.keyword.get('enabled');
        returnToPrevious = v ? (bool(reader.lit(v)) ?? true) : true;
        break;
      }
      case 'with_autonomous_mode': {
        draft.interaction.mode = 'autonomous';
        const listed = margs.keyword.get('agents') ?? first;
        const chosen = listed ? agentsOf(listed) : [];
        const prompts = margs.keyword.get('prompts');
        const promptLit = prompts ? reader.lit(prompts) : undefined;
        const promptValues =
          promptLit?.t === 'dict' ? promptLit.entries.map(([, v]) => str(v)) : [];
        const prompt = margs.keyword.get('prompt');
        const single = prompt ? str(reader.lit(prompt)) : promptValues[0];
        if (single !== undefined) draft.interaction.autonomousPrompt = single;
        if (new Set(promptValues).size > 1) {
          report.add(
            'approximated',
            prompts!,
            'autonomous_prompts_merged',
            'Autonomous prompts differ per agent; the first one is used for every agent.',
          );
        }
        const limits = margs.keyword.get('turn_limits');
        const limitLit = limits ? reader.lit(limits) : undefined;
        const turnLimits: Array<[string, number]> = [];
        if (limitLit?.t === 'dict') {
          for (const [k, v] of limitLit.entries) {
            const agent = agents.list.find((a) => a.name === k);
            const n = num(v);
            if (agent && n !== undefined && n !== DEFAULT_TURN_LIMIT)
              turnLimits.push([agent.id, n]);
          }
        }
        draft.autonomous = { agents: chosen.map((a) => a.id), turnLimits };
        report.add('recognised', call, 'autonomous_mode', 'Autonomous mode.');
        break;
      }
      case 'with_termination_condition':
        if (first) applyCondition(first, reader, file.functions, draft.termination, report);
        break;
      default:
        if (!SILENT.has(method)) {
          report.add(
            'left_out',
            call,
            'builder_call_left_out',
            `HandoffBuilder.${method}(…) has no counterpart in Handoff Studio; it is left out.`,
          );
        }
    }
  }
  draft.interaction.returnToPrevious = returnToPrevious;
  draft.mesh = handoffs === 0;
  if (draft.mesh) {
    report.add(
      'recognised',
      builder,
      'mesh_by_omission',
      'No add_handoff: every agent may hand off to every other (the mesh).',
    );
  }
  for (const agent of agents.list) {
    if (!participants.includes(agent)) {
      report.add(
        'left_out',
        agent.line,
        'agent_not_participant',
        `Agent "${agent.name}" is not a participant of the HandoffBuilder; it is left out.`,
      );
    }
  }
  draft.agents = participants;
  draft.tools = agents.usedTools;
  const limit = file.constant('MAX_HANDOFFS_PER_TURN');
  if (limit !== undefined) draft.termination.maxHandoffsPerTurn = limit;
  return draft;
}
