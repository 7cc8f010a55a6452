/**
 * The OpenAI Agents SDK for TypeScript/JavaScript: `new Agent({ name, instructions,
 * handoffDescription, handoffs, tools, model, modelSettings })` and `Agent.create({...})`,
 * handoffs as agents or `handoff(agent, { toolDescriptionOverride })`, `a.handoffs.push(b)`, and
 * the start agent from `run(agent, …)` / `runner.run(agent, …)`.
 */
import type { Node } from 'web-tree-sitter';
import { emptyDraft, type DraftAgent, type DraftTool, type WorkflowDraft } from '../draft';
import { lineOf } from '../parser';
import { excerpt, type Report } from '../report';
import { num, str } from '../values';
import {
  collectTsBindings,
  helperReturn,
  tsArgs,
  tsCallee,
  tsObject,
  tsString,
  type TsReader,
} from './tsLit';
import { readTsTool } from './tsTools';
import { readTsExportSettings } from './tsSettings';
import { applyExportSettings } from '../exportSettings';

const LOOPS = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);
const ITERATORS = new Set(['map', 'forEach', 'flatMap', 'reduce']);
const AGENT_KEYS = new Set([
  'name',
  'instructions',
  'handoffDescription',
  'handoffs',
  'tools',
  'model',
  'modelSettings',
]);

const isAgentCall = (n: Node) =>
  (n.type === 'new_expression' && tsCallee(n) === 'Agent') ||
  (n.type === 'call_expression' &&
    tsCallee(n) === 'create' &&
    /(^|\.)Agent\.create$/.test(n.childForFieldName('function')?.text ?? ''));

export function isOpenAIAgentsTs(nodes: readonly Node[]): boolean {
  return nodes.some(isAgentCall);
}

function inLoop(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (LOOPS.has(n.type)) return true;
    if (n.type === 'arrow_function' || n.type === 'function_expression') {
      const call = n.parent?.parent;
      if (call?.type === 'call_expression' && ITERATORS.has(tsCallee(call) ?? '')) return true;
    }
  }
  return false;
}

export function readOpenAIAgentsTs(nodes: Node[], report: Report): WorkflowDraft {
  const draft = emptyDraft();
  const reader = collectTsBindings(nodes);
  const byCall = new Map<number, DraftAgent | null>();
  const agents: DraftAgent[] = [];
  const tools = new Map<number, DraftTool | undefined>();
  const usedTools: DraftTool[] = [];
  const resolve = (node: Node, via: TsReader = reader) => byCall.get(via.deref(node).id);
  const functions = new Map<string, Node>();
  for (const n of nodes) {
    const name = n.type === 'function_declaration' ? n.childForFieldName('name')?.text : undefined;
    if (name && !functions.has(name)) functions.set(name, n);
  }
  /** `helper(args)` of a local helper returning `callee(...)`: that call and a reader for it. */
  const throughHelper = (node: Node, callee: string): [Node, TsReader] | undefined => {
    const call = reader.deref(node);
    if (call.type !== 'call_expression') return undefined;
    if (tsCallee(call) === callee) return [call, reader];
    const fn = call.childForFieldName('function');
    const helper = fn?.type === 'identifier' ? functions.get(fn.text) : undefined;
    const inner = helperReturn(helper);
    return helper && inner && tsCallee(inner) === callee
      ? [inner, reader.withParams(helper, tsArgs(call))]
      : undefined;
  };

  for (const call of nodes) {
    if (!isAgentCall(call)) continue;
    if (inLoop(call)) {
      report.add(
        'not_understood',
        call,
        'agent_in_loop',
        `An agent is built in a loop (${excerpt(call)}); it is not imported.`,
      );
      byCall.set(call.id, null);
      continue;
    }
    const config = tsObject(reader.deref(tsArgs(call)[0] ?? call));
    const nameNode = config.get('name');
    const name = nameNode ? str(reader.lit(nameNode)) : undefined;
    if (name === undefined) {
      report.add(
        'not_understood',
        call,
        'agent_name_not_literal',
        `An agent's name is not a literal (${excerpt(call)}); it is not imported.`,
      );
      byCall.set(call.id, null);
      continue;
    }
    const instructionsNode = config.get('instructions');
    const target = instructionsNode ? reader.deref(instructionsNode) : undefined;
    const instructions = target ? (tsString(target) ?? tsString(target, true)) : undefined;
    if (instructionsNode && tsString(target!) === undefined) {
      report.add(
        'approximated',
        instructionsNode,
        'agent_instructions_not_literal',
        instructions !== undefined
          ? `Agent "${name}": its instructions have fields (\${…}); they are kept as written, not filled in.`
          : `Agent "${name}": its instructions are computed (${excerpt(instructionsNode)}); they are left empty.`,
      );
    }
    const settings = tsObject(reader.deref(config.get('modelSettings') ?? call));
    const temperature = settings.get('temperature');
    const modelNode = config.get('model');
    const model = modelNode ? str(reader.lit(modelNode)) : undefined;
    const agentTools: string[] = [];
    const toolList = config.get('tools');
    for (const item of toolList ? reader.deref(toolList).namedChildren : []) {
      const node = reader.deref(item);
      if (!tools.has(node.id)) {
        const found = throughHelper(item, 'tool');
        const tool = found ? readTsTool(found[0], found[1], report, node) : undefined;
        if (tool && node.type === 'call_expression' && tsCallee(node) === 'templateTool') {
          // Handoff Studio's own simulated tool: its result template is an argument.
          const result = tsObject(reader.deref(tsArgs(node)[0] ?? node)).get('result');
          const text = result ? str(reader.lit(result)) : undefined;
          if (text !== undefined) tool.result = text;
        }
        tools.set(node.id, tool);
      }
      const tool = tools.get(node.id);
      if (tool) {
        agentTools.push(tool.name);
        if (!usedTools.includes(tool)) usedTools.push(tool);
      } else {
        report.add(
          'left_out',
          item,
          'tool_left_out',
          `Agent "${name}": the tool ${excerpt(item)} is not a function tool of this file; it is left out.`,
        );
      }
    }
    const descriptionNode = config.get('handoffDescription');
    const agent: DraftAgent = {
      id: `call:${call.id}`,
      name,
      description: (descriptionNode && str(reader.lit(descriptionNode))) ?? '',
      instructions: instructions ?? '',
      ...(model !== undefined ? { model } : {}),
      ...(temperature && num(reader.lit(temperature)) !== undefined
        ? { temperature: num(reader.lit(temperature))! }
        : {}),
      tools: agentTools,
      line: lineOf(call),
    };
    const ignored = [...config.keys()].filter((k) => !AGENT_KEYS.has(k));
    if (ignored.length > 0) {
      report.add(
        'left_out',
        call,
        'agent_option_left_out',
        `Agent "${name}": ${ignored.join(', ')} left out (no counterpart in Handoff Studio).`,
      );
    }
    report.add('recognised', call, 'agent_recognised', `Agent "${name}".`);
    byCall.set(call.id, agent);
    agents.push(agent);
  }

  const addHandoffs = (source: DraftAgent, items: Node[]) => {
    for (const item of items) {
      if (item.type === 'comment') continue;
      let target: Node | undefined = item;
      let description: string | undefined;
      let via = reader;
      const found = throughHelper(item, 'handoff');
      if (found) {
        const [node, helperReader] = found;
        via = helperReader;
        const [agentNode, options] = tsArgs(node);
        target = agentNode;
        const opts = tsObject(options ? via.deref(options) : undefined);
        const d = opts.get('toolDescriptionOverride');
        description = d ? str(via.lit(d)) : undefined;
        const ignored = [...opts.keys()].filter((k) => k !== 'toolDescriptionOverride');
        if (ignored.length > 0) {
          report.add(
            'left_out',
            item,
            'handoff_option_left_out',
            `${ignored.join(', ')}: no counterpart in Handoff Studio (its handoff tools are handoff_to_<agent> and pass the whole conversation); left out.`,
          );
        }
      }
      const agent = target ? resolve(target, via) : undefined;
      if (agent) {
        draft.edges.push({
          source: source.id,
          target: agent.id,
          ...(description !== undefined ? { description } : {}),
          line: lineOf(item),
        });
      } else if (agent === undefined) {
        report.add(
          'not_understood',
          item,
          'handoff_not_understood',
          `The handoff ${excerpt(item)} does not name an agent of this file; it is left out.`,
        );
      }
    }
  };

  for (const node of nodes) {
    const agent = byCall.get(node.id);
    if (agent) {
      const list = tsObject(reader.deref(tsArgs(node)[0] ?? node)).get('handoffs');
      if (list) addHandoffs(agent, reader.deref(list).namedChildren);
      continue;
    }
    // `faqAgent.handoffs = [triageAgent];` after the agents exist.
    if (node.type === 'assignment_expression') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (
        left?.type === 'member_expression' &&
        left.childForFieldName('property')?.text === 'handoffs' &&
        right
      ) {
        const source = resolve(left.childForFieldName('object')!);
        if (source) addHandoffs(source, reader.deref(right).namedChildren);
      }
      continue;
    }
    if (node.type !== 'call_expression') continue;
    const method = tsCallee(node);
    const fn = node.childForFieldName('function');
    const owner = fn?.type === 'member_expression' ? fn.childForFieldName('object') : null;
    if (
      method === 'push' &&
      owner?.type === 'member_expression' &&
      owner.childForFieldName('property')?.text === 'handoffs'
    ) {
      const source = resolve(owner.childForFieldName('object')!);
      if (source) addHandoffs(source, tsArgs(node));
    }
    // Handoff Studio's own export writes the implied mesh as `meshHandoffs([...], …)`.
    if (method === 'meshHandoffs' && fn?.type === 'identifier' && functions.has(method)) {
      draft.mesh = true;
      report.add(
        'recognised',
        node,
        'mesh_by_omission',
        'No written handoffs: every agent may hand off to every other (the mesh).',
      );
    }
    if (method === 'run' && draft.start === undefined) {
      const first = tsArgs(node)[0];
      const start = first ? resolve(first) : undefined;
      if (start) {
        draft.start = start.id;
        draft.startLine = lineOf(node);
      }
    }
  }
  if (draft.start === undefined) startFromTopology(draft, agents, report);
  applyExportSettings(draft, agents, readTsExportSettings(nodes, reader), report);
  draft.agents = agents;
  draft.tools = usedTools;
  return draft;
}

/** The first agent no handoff reaches starts when no `run(agent, …)` says which. */
export function startFromTopology(
  draft: WorkflowDraft,
  agents: DraftAgent[],
  report: Report,
): void {
  const reached = new Set(draft.edges.map((e) => e.target));
  const first = agents.find((a) => !reached.has(a.id));
  if (!first) return;
  draft.start = first.id;
  report.add(
    'approximated',
    first.line,
    'start_agent_assumed',
    `No run(...) names the first agent; "${first.name}", which no handoff reaches, starts.`,
  );
}
