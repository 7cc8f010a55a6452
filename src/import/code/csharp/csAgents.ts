/**
 * .NET agents: `chatClient.AsAIAgent(...)` / `CreateAIAgent(...)` (named or positional
 * instructions, name, description, tools, or a `ChatClientAgentOptions` initialiser) and
 * `new ChatClientAgent(chatClient, …)`. An agent built in a loop or whose name is not a literal
 * is reported as not understood and never guessed.
 */
import type { Node } from 'web-tree-sitter';
import type { DraftAgent, DraftTool } from '../draft';
import { lineOf } from '../parser';
import { excerpt, type Report } from '../report';
import { num, str } from '../values';
import { csArgs, csCallee, csInitializer, csItems, type CsReader } from './csLit';
import { readCsTool } from './csTools';

const METHODS = new Set(['AsAIAgent', 'CreateAIAgent', 'AsAgent']);
const LOOPS = new Set([
  'for_statement',
  'foreach_statement',
  'while_statement',
  'do_statement',
  'query_expression',
]);

export class CsAgents {
  readonly byCall = new Map<number, DraftAgent | null>();
  readonly list: DraftAgent[] = [];
  readonly usedTools: DraftTool[] = [];
  private readonly toolCache = new Map<number, DraftTool | undefined>();

  constructor(
    private readonly reader: CsReader,
    private readonly methods: ReadonlyMap<string, Node>,
    private readonly report: Report,
  ) {}

  isConstructor(node: Node): boolean {
    const callee = csCallee(node);
    if (
      node.type === 'object_creation_expression' ||
      node.type === 'implicit_object_creation_expression'
    ) {
      return callee === 'ChatClientAgent';
    }
    return node.type === 'invocation_expression' && callee !== undefined && METHODS.has(callee);
  }

  collect(nodes: readonly Node[]): void {
    for (const n of nodes) if (this.isConstructor(n)) this.read(n);
  }

  private read(call: Node): void {
    const { reader, report } = this;
    for (let n = call.parent; n; n = n.parent) {
      if (LOOPS.has(n.type)) {
        report.add(
          'not_understood',
          call,
          'agent_in_loop',
          `An agent is built in a loop (${excerpt(call)}); it is not imported.`,
        );
        this.byCall.set(call.id, null);
        return;
      }
    }
    const args = csArgs(call);
    const positional =
      call.type === 'invocation_expression' ? args.positional : args.positional.slice(1);
    const optionsNode =
      positional.find(
        (p) => p.type === 'object_creation_expression' && csCallee(p) === 'ChatClientAgentOptions',
      ) ?? args.named.get('options');
    const options = optionsNode ? csInitializer(optionsNode) : new Map<string, Node>();
    const chatOptionsNode = options.get('ChatOptions');
    const chat = chatOptionsNode ? csInitializer(chatOptionsNode) : new Map<string, Node>();
    const plain = optionsNode ? [] : positional;
    const pick = (named: string, index: number, ...props: Array<Map<string, Node>>) => {
      const prop = named[0]!.toUpperCase() + named.slice(1);
      for (const p of props) if (p.has(prop)) return p.get(prop);
      return args.named.get(named) ?? plain[index];
    };
    const nameNode = pick('name', 1, options);
    const name = nameNode ? str(reader.lit(nameNode)) : undefined;
    if (name === undefined) {
      report.add(
        'not_understood',
        call,
        'agent_name_not_literal',
        `An agent's name is not a literal (${excerpt(call)}); it is not imported.`,
      );
      this.byCall.set(call.id, null);
      return;
    }
    const instructionsNode = pick('instructions', 0, chat, options);
    const instructions = instructionsNode ? str(reader.lit(instructionsNode)) : undefined;
    if (instructionsNode && instructions === undefined) {
      report.add(
        'approximated',
        instructionsNode,
        'agent_instructions_not_literal',
        `Agent "${name}": its instructions are computed (${excerpt(instructionsNode)}); they are left empty.`,
      );
    }
    const descriptionNode = pick('description', 2, options);
    const modelNode = chat.get('ModelId');
    const model = modelNode ? str(reader.lit(modelNode)) : this.clientModel(call);
    const temperatureNode = chat.get('Temperature');
    const temperature = temperatureNode ? num(reader.lit(temperatureNode)) : undefined;
    const agent: DraftAgent = {
      id: `call:${call.id}`,
      name,
      description: (descriptionNode && str(reader.lit(descriptionNode))) ?? '',
      instructions: instructions ?? '',
      ...(model !== undefined ? { model } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
      tools: this.readTools(name, pick('tools', 3, chat)),
      line: lineOf(call),
    };
    report.add('recognised', call, 'agent_recognised', `Agent "${name}".`);
    this.byCall.set(call.id, agent);
    this.list.push(agent);
  }

  /** The model a chat client was made for (`….GetChatClient("gpt-4o-mini")`). */
  private clientModel(call: Node): string | undefined {
    const fn = call.childForFieldName('function');
    const receiver =
      fn?.type === 'member_access_expression'
        ? fn.childForFieldName('expression')
        : csArgs(call).positional[0];
    let n: Node | null | undefined = receiver ? this.reader.deref(receiver) : undefined;
    for (let i = 0; n && i < 16; i++) {
      if (n.type === 'invocation_expression') {
        if (csCallee(n) === 'GetChatClient') {
          const arg = csArgs(n).positional[0];
          return arg ? str(this.reader.lit(arg)) : undefined;
        }
        n = n.childForFieldName('function')?.childForFieldName('expression');
      } else if (n.type === 'member_access_expression') {
        n = n.childForFieldName('expression');
      } else return undefined;
    }
    return undefined;
  }

  private readTools(agent: string, node: Node | undefined): string[] {
    if (!node) return [];
    const list = this.reader.deref(node);
    const items = csItems(list) ?? [list];
    const out: string[] = [];
    for (const item of items) {
      const key = this.reader.deref(item).id;
      if (!this.toolCache.has(key)) {
        this.toolCache.set(key, readCsTool(item, this.reader, this.methods, this.report));
      }
      const tool = this.toolCache.get(key);
      if (tool) {
        out.push(tool.name);
        if (!this.usedTools.includes(tool)) this.usedTools.push(tool);
      } else {
        this.report.add(
          'left_out',
          item,
          'tool_left_out',
          `Agent "${agent}": the tool ${excerpt(item)} is not a function tool of this file; it is left out.`,
        );
      }
    }
    return out;
  }

  /** The agent an expression refers to; null for an agent that was not understood. */
  resolve(node: Node): DraftAgent | null | undefined {
    const n = this.reader.deref(node);
    return this.byCall.get(n.id);
  }
}
