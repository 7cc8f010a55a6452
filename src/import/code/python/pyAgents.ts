/**
 * Agents in Python code, for both frameworks: each constructor call (`client.as_agent(...)`,
 * `Agent(...)`, `ChatAgent(...)`) with literal arguments is one agent, identified by its call
 * node; references to it (names, tuples returned by a local helper, parentheses) are followed
 * back to that call. A call in a loop or comprehension, or whose name is not a literal (a helper
 * that takes the name as a parameter), is reported as not understood and never guessed.
 */
import type { Node } from 'web-tree-sitter';
import type { DraftAgent, DraftTool } from '../draft';
import { lineOf } from '../parser';
import { excerpt, type Report } from '../report';
import { num, str, type Lit } from '../values';
import { calleeName, pyArgs, pyTemplate, scopeOf, type PyReader } from './pyLit';

const LOOPS = new Set([
  'for_statement',
  'while_statement',
  'list_comprehension',
  'generator_expression',
  'dictionary_comprehension',
  'set_comprehension',
]);

/** Arguments an agent constructor takes that are read (others are reported as left out). */
const READ = new Set([
  'name',
  'description',
  'instructions',
  'tools',
  'model',
  'model_id',
  'default_options',
  'options',
  'temperature',
  'client',
  'chat_client',
  'id',
  'handoffs',
  'handoff_description',
  'model_settings',
  'require_per_service_call_history_persistence',
]);

export interface PyAgentContext {
  reader: PyReader;
  report: Report;
  tools: ReadonlyMap<string, DraftTool>;
  /** Local functions by name (module scope). */
  functions: ReadonlyMap<string, Node>;
  /** `a, b = f(...)` targets: name → the call and the index. */
  unpacked: ReadonlyMap<string, { call: Node; index: number }>;
}

export class PyAgents {
  /** Agent per constructor call id; null when the call was not understood. */
  readonly byCall = new Map<number, DraftAgent | null>();
  readonly list: DraftAgent[] = [];
  readonly usedTools: DraftTool[] = [];

  constructor(
    private readonly ctx: PyAgentContext,
    private readonly constructors: ReadonlySet<string>,
  ) {}

  isConstructor(call: Node): boolean {
    const name = calleeName(call);
    return name !== undefined && this.constructors.has(name);
  }

  /** Reads every agent constructor call among `nodes`. */
  collect(nodes: readonly Node[]): void {
    for (const node of nodes) if (node.type === 'call' && this.isConstructor(node)) this.read(node);
  }

  private read(call: Node): void {
    const { reader, report } = this.ctx;
    for (let n = call.parent; n; n = n.parent) {
      if (LOOPS.has(n.type)) {
        report.add(
          'not_understood',
          call,
          'agent_in_loop',
          `An agent is built in a loop or comprehension (${excerpt(call)}); it is not imported.`,
        );
        this.byCall.set(call.id, null);
        return;
      }
    }
    const args = pyArgs(call);
    const kw = (k: string): Lit | undefined => {
      const v = args.keyword.get(k);
      return v ? reader.lit(v) : undefined;
    };
    const name = str(kw('name'));
    if (name === undefined) {
      report.add(
        'not_understood',
        call,
        'agent_name_not_literal',
        `An agent's name is not a literal (${excerpt(call)}): built by a helper or from data; ` +
          'it is not imported.',
      );
      this.byCall.set(call.id, null);
      return;
    }
    const ctor = calleeName(call);
    const instructionsNode =
      args.keyword.get('instructions') ??
      (ctor === 'Agent' || ctor === 'ChatAgent' ? args.positional[1] : undefined);
    const lit = instructionsNode ? reader.lit(instructionsNode) : undefined;
    const template =
      lit?.t === 'other'
        ? pyTemplate(
            reader.deref(instructionsNode!).type === 'parenthesized_expression'
              ? reader.deref(instructionsNode!).namedChildren[0]!
              : reader.deref(instructionsNode!),
          )
        : undefined;
    const instructions: Lit | undefined = template !== undefined ? { t: 'str', v: template } : lit;
    if (instructionsNode && lit?.t !== 'str') {
      report.add(
        'approximated',
        instructionsNode,
        'agent_instructions_not_literal',
        template !== undefined
          ? `Agent "${name}": its instructions have fields ({…}); they are kept as written, not filled in.`
          : `Agent "${name}": its instructions are computed (${excerpt(instructionsNode)}); they are left empty.`,
      );
    }
    const description = str(kw('description')) ?? str(kw('handoff_description')) ?? '';
    const settings = args.keyword.get('model_settings');
    const options =
      settings?.type === 'call' // the Agents SDK's ModelSettings(temperature=…)
        ? ({
            t: 'dict',
            entries: [...pyArgs(settings).keyword].map(([k, v]) => [k, reader.lit(v)]),
          } as Lit)
        : (kw('default_options') ?? kw('options') ?? kw('model_settings'));
    const option = (key: string): Lit | undefined =>
      options?.t === 'dict' ? options.entries.find(([k]) => k === key)?.[1] : undefined;
    // `model=_model(client, model or "…")`: Handoff Studio's Agents SDK export.
    const modelArg = args.keyword.get('model');
    const helperModel =
      modelArg?.type === 'call' && calleeName(modelArg) === '_model'
        ? pyArgs(modelArg).positional[1]
        : undefined;
    const model =
      str(kw('model')) ??
      str(kw('model_id')) ??
      str(option('model')) ??
      str(option('model_id')) ??
      (helperModel ? str(reader.lit(helperModel)) : undefined);
    const temperature = num(kw('temperature')) ?? num(option('temperature'));
    const agent: DraftAgent = {
      id: `call:${call.id}`,
      name,
      description,
      instructions: str(instructions) ?? '',
      ...(model !== undefined ? { model: model } : this.clientModel(call, args)),
      ...(temperature !== undefined ? { temperature } : {}),
      tools: this.readTools(name, args.keyword.get('tools')),
      line: lineOf(call),
    };
    const ignored = [...args.keyword.keys()].filter((k) => !READ.has(k));
    if (ignored.length > 0) {
      report.add(
        'left_out',
        call,
        'agent_option_left_out',
        `Agent "${name}": ${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} not part of a Handoff Studio agent and left out.`,
      );
    }
    report.add('recognised', call, 'agent_recognised', `Agent "${name}".`);
    this.byCall.set(call.id, agent);
    this.list.push(agent);
  }

  /** The model of the client an agent is made from (`OpenAIChatClient(model_id=…)`). */
  private clientModel(call: Node, args: ReturnType<typeof pyArgs>): { model?: string } {
    const fn = call.childForFieldName('function');
    const clientNode =
      fn?.type === 'attribute'
        ? fn.childForFieldName('object')
        : (args.keyword.get('client') ?? args.keyword.get('chat_client') ?? args.positional[0]);
    if (!clientNode) return {};
    const client = this.ctx.reader.deref(clientNode);
    if (client.type !== 'call') return {};
    const cargs = pyArgs(client);
    for (const k of ['model', 'model_id', 'deployment_name']) {
      const v = cargs.keyword.get(k);
      const m = v ? str(this.ctx.reader.lit(v)) : undefined;
      if (m !== undefined) return { model: m };
    }
    return {};
  }

  private readTools(agent: string, node: Node | undefined): string[] {
    if (!node) return [];
    const { reader, report, tools } = this.ctx;
    const list = reader.deref(node);
    const items = list.type === 'list' || list.type === 'tuple' ? list.namedChildren : [list];
    const out: string[] = [];
    for (const item of items) {
      if (item.type === 'comment') continue;
      const tool = item.type === 'identifier' ? tools.get(item.text) : undefined;
      if (tool) {
        out.push(tool.name);
        if (!this.usedTools.includes(tool)) this.usedTools.push(tool);
      } else {
        report.add(
          'left_out',
          item,
          'tool_left_out',
          `Agent "${agent}": the tool ${excerpt(item)} is not a function tool of this file; it is left out.`,
        );
      }
    }
    return out;
  }

  /** The agent an expression refers to; null when it is an agent that was not understood. */
  resolve(node: Node, depth = 0): DraftAgent | null | undefined {
    if (depth > 16) return undefined;
    const { reader } = this.ctx;
    const n = reader.deref(node);
    if (n.type === 'call') {
      if (this.byCall.has(n.id)) return this.byCall.get(n.id);
      const fn = n.childForFieldName('function');
      const local = fn?.type === 'identifier' ? this.ctx.functions.get(fn.text) : undefined;
      const returned = local ? this.returned(local) : undefined;
      return returned ? this.resolve(returned, depth + 1) : undefined;
    }
    if (n.type === 'identifier') {
      const key = `${scopeOf(n).id}:${n.text}`;
      const unpack = this.ctx.unpacked.get(key) ?? this.ctx.unpacked.get(`*:${n.text}`);
      if (!unpack) return undefined;
      const fn = unpack.call.childForFieldName('function');
      const local = fn?.type === 'identifier' ? this.ctx.functions.get(fn.text) : undefined;
      const returned = local ? this.returned(local) : undefined;
      const items =
        returned && (returned.type === 'expression_list' || returned.type === 'tuple')
          ? returned.namedChildren
          : returned && returned.type === 'parenthesized_expression'
            ? (returned.namedChildren[0]?.namedChildren ?? [])
            : [];
      const item = items[unpack.index];
      return item ? this.resolve(item, depth + 1) : undefined;
    }
    return undefined;
  }

  /** The expression of a function's only return statement. */
  private returned(fn: Node): Node | undefined {
    const body = fn.childForFieldName('body');
    const returns = body?.namedChildren.filter((c) => c.type === 'return_statement') ?? [];
    return returns.length === 1 ? returns[0]!.namedChildren[0] : undefined;
  }
}
