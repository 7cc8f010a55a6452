/**
 * The OpenAI Agents SDK for Python: `Agent(name=…, instructions=…, handoff_description=…,
 * handoffs=[…], tools=[…], model=…)`, handoffs as agents or `handoff(agent,
 * tool_description_override=…)`, later `a.handoffs.append(b)`, and the start agent from
 * `Runner.run(agent, …)` (else the first agent no handoff reaches).
 */
import type { Node } from 'web-tree-sitter';
import type { DraftAgent, WorkflowDraft } from '../draft';
import { lineOf } from '../parser';
import { excerpt } from '../report';
import { str } from '../values';
import { PyAgents } from './pyAgents';
import { calleeName, pyArgs } from './pyLit';
import type { PythonFile } from './pyFile';
import { applyPyExportSettings } from './pySettings';

const HANDOFF_READ = new Set(['agent', 'tool_description_override']);

export function isOpenAIAgentsPython(file: PythonFile): boolean {
  return file.nodes.some(
    (n) =>
      (n.type === 'import_from_statement' &&
        /^agents(\.|$)/.test(n.childForFieldName('module_name')?.text ?? '')) ||
      (n.type === 'call' && calleeName(n) === 'Agent' && pyArgs(n).keyword.has('handoffs')),
  );
}

export function readOpenAIAgentsPython(file: PythonFile): WorkflowDraft {
  const { reader, report, draft } = file;
  const agents = new PyAgents(file, new Set(['Agent']));
  agents.collect(file.nodes);

  const addHandoffs = (source: DraftAgent, list: Node) => {
    const value = reader.deref(list);
    const items = value.type === 'list' || value.type === 'tuple' ? value.namedChildren : [value];
    for (const item of items) {
      if (item.type === 'comment') continue;
      let targetNode: Node | undefined = item;
      let description: string | undefined;
      if (item.type === 'call' && calleeName(item) === 'handoff') {
        const args = pyArgs(item);
        targetNode = args.positional[0] ?? args.keyword.get('agent');
        const d = args.keyword.get('tool_description_override');
        description = d ? str(reader.lit(d)) : undefined;
        const ignored = [...args.keyword.keys()].filter((k) => !HANDOFF_READ.has(k));
        if (ignored.length > 0) {
          report.add(
            'left_out',
            item,
            'handoff_option_left_out',
            `${ignored.join(', ')}: no counterpart in Handoff Studio (its handoff tools are ` +
              'handoff_to_<agent> and pass the whole conversation); left out.',
          );
        }
      } else if (
        item.type === 'call' &&
        calleeName(item) === '_handoff' &&
        file.functions.has('_handoff')
      ) {
        // Handoff Studio's own export: `_handoff(target, "description")`, a local helper.
        const [agentNode, d] = pyArgs(item).positional;
        targetNode = agentNode;
        description = d ? str(reader.lit(d)) : undefined;
      }
      const target = targetNode ? agents.resolve(targetNode) : undefined;
      if (target) {
        draft.edges.push({
          source: source.id,
          target: target.id,
          ...(description !== undefined ? { description } : {}),
          line: lineOf(item),
        });
      } else if (target === undefined) {
        report.add(
          'not_understood',
          item,
          'handoff_not_understood',
          `The handoff ${excerpt(item)} does not name an agent of this file; it is left out.`,
        );
      }
    }
  };

  for (const call of file.nodes) {
    // `triage.handoffs = [...]` after the agents exist.
    if (call.type === 'assignment') {
      const left = call.childForFieldName('left');
      const right = call.childForFieldName('right');
      if (left?.type === 'attribute' && left.childForFieldName('attribute')?.text === 'handoffs') {
        const source = agents.resolve(left.childForFieldName('object')!);
        if (source && right) addHandoffs(source, right);
      }
      continue;
    }
    if (call.type !== 'call') continue;
    const agent = agents.byCall.get(call.id);
    if (agent) {
      const list = pyArgs(call).keyword.get('handoffs');
      if (list) addHandoffs(agent, list);
      continue;
    }
    // `triage.handoffs.append(refund)` / `.extend([…])` after the agents exist.
    const fn = call.childForFieldName('function');
    const method = calleeName(call);
    const owner = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
    if ((method === 'append' || method === 'extend') && owner?.type === 'attribute') {
      if (owner.childForFieldName('attribute')?.text !== 'handoffs') continue;
      const source = agents.resolve(owner.childForFieldName('object')!);
      const arg = pyArgs(call).positional[0];
      if (source && arg) addHandoffs(source, arg);
    }
    if (['run', 'run_sync', 'run_streamed'].includes(method ?? '') && draft.start === undefined) {
      const args = pyArgs(call);
      const first = args.keyword.get('starting_agent') ?? args.positional[0];
      const start = first ? agents.resolve(first) : undefined;
      if (start) {
        draft.start = start.id;
        draft.startLine = lineOf(call);
      }
    }
  }
  applyPyExportSettings(file, agents.list);
  if (draft.start === undefined) {
    const reached = new Set(draft.edges.map((e) => e.target));
    const first = agents.list.find((a) => !reached.has(a.id));
    if (first) {
      draft.start = first.id;
      report.add(
        'approximated',
        first.line,
        'start_agent_assumed',
        `No Runner.run(...) names the first agent; "${first.name}", which no handoff reaches, starts.`,
      );
    }
  }
  draft.agents = agents.list;
  draft.tools = agents.usedTools;
  return draft;
}
