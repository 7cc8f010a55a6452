/**
 * The simulator provider (the offline default, docs/spec/run-semantics.md#providers):
 * deterministic, no network. It reads the latest user message and, in this order,
 * 1. after its own tool calls on that message, reports their results;
 * 2. hands off when the message shares words with a handoff's description, the target's
 *    description or name (best match wins; agents that already spoke on this message are not
 *    candidates, so there is no ping-pong);
 * 3. calls its best-matching tool, with arguments taken from the message (a number for an
 *    `order_number`), or asks for a missing one;
 * 4. otherwise answers with a short text saying it is simulated.
 * Text streams as word-sized deltas, and call ids follow `defaultCallId`, so `runToScript` of a
 * simulator run replays to the identical event sequence (call durations aside). Token usage is
 * an estimate (estimate.ts), flagged `estimated`.
 */
import { DEFAULT_AUTONOMOUS_PROMPT, HANDOFF_TOOL_PREFIX, type Workflow } from '../model';
import type { ChatMessage, ModelProvider, ModelRequest, ToolSpec } from '../engine/provider';
import type { ScriptReply } from '../engine/script';
import { estimateUsage } from './estimate';
import { replay } from './script';

export interface SimulatorOptions {
  /** The workflow, for richer handoff matching (edge and target descriptions) and its prompt. */
  document?: Workflow;
  /** Pause between streamed deltas, in milliseconds; 0 by default. */
  delayMs?: number;
}

export function createSimulatorProvider(options: SimulatorOptions = {}): ModelProvider {
  return {
    id: 'simulator',
    async complete(request) {
      const reply = await replay(
        simulateReply(request, options.document),
        request,
        options.delayMs ?? 0,
      );
      return { ...reply, usage: estimateUsage(request, reply) };
    },
  };
}

/** The simulator's reply to one request, as a script entry. Pure and deterministic. */
export function simulateReply(request: ModelRequest, doc?: Workflow): ScriptReply {
  const { agent, messages } = request;
  const prompt = doc?.interaction.autonomousPrompt ?? DEFAULT_AUTONOMOUS_PROMPT;
  const userIndex = findLastIndex(messages, (m) => m.role === 'user' && m.content !== prompt);
  const user = messages[userIndex];
  if (!user || user.role !== 'user') {
    return { text: `[simulated] ${agent} here. How can I help?` };
  }
  const after = messages.slice(userIndex + 1);
  const results = after.filter(
    (m): m is Extract<ChatMessage, { role: 'tool' }> => m.role === 'tool',
  );
  if (results.length > 0) return reportResults(results);

  const handoff = chooseHandoff(request.tools, user.content, spokeSince(after), doc);
  if (handoff) {
    return {
      text: `[simulated] Handing you over to ${handoff.target}.`,
      toolCalls: [
        {
          name: handoff.tool,
          arguments: { reason: `The request mentions ${handoff.words.join(', ')}.` },
        },
      ],
    };
  }
  const tool = chooseTool(request.tools, user.content);
  if (tool?.missing !== undefined) {
    return { text: `[simulated] Could you give me the ${tool.missing.replace(/_/g, ' ')}?` };
  }
  if (tool) return { toolCalls: [{ name: tool.name, arguments: tool.arguments }] };
  const continuing =
    messages[messages.length - 1]?.role === 'user' && userIndex !== messages.length - 1;
  if (continuing) return { text: `[simulated] ${agent} has nothing to add.` };
  return {
    text:
      `[simulated] ${agent} here. You said: "${truncate(user.content, 80)}". ` +
      'This reply is simulated; choose a model provider for real answers.',
  };
}

function reportResults(
  results: ReadonlyArray<Extract<ChatMessage, { role: 'tool' }>>,
): ScriptReply {
  const texts = results.map((r) => r.content);
  if (texts.every((t) => t.startsWith('Error:'))) {
    return { text: `[simulated] That did not work. ${texts.join(' ')}` };
  }
  return { text: `[simulated] Done. ${texts.filter((t) => !t.startsWith('Error:')).join(' ')}` };
}

/** Agents whose messages follow the latest user message: they already had their turn on it. */
function spokeSince(after: readonly ChatMessage[]): Set<string> {
  const names = new Set<string>();
  for (const m of after) if (m.role === 'assistant' && m.name !== undefined) names.add(m.name);
  return names;
}

function chooseHandoff(
  tools: readonly ToolSpec[],
  text: string,
  exclude: ReadonlySet<string>,
  doc: Workflow | undefined,
): { tool: string; target: string; words: string[]; score: number } | undefined {
  const userWords = wordsOf(text);
  let best: { tool: string; target: string; words: string[]; score: number } | undefined;
  for (const tool of tools) {
    if (!tool.name.startsWith(HANDOFF_TOOL_PREFIX)) continue;
    const target = tool.name.slice(HANDOFF_TOOL_PREFIX.length);
    if (exclude.has(target)) continue;
    const described = [tool.description, target, ...describe(doc, target)].join(' ');
    const words = matchWords(userWords, wordsOf(described));
    // A word of the target's own name ("order" for order_agent) counts double: it breaks ties.
    const score =
      words.length + matchWords(userWords, wordsOf(target.replace(/[_-]/g, ' '))).length;
    if (words.length > 0 && score > (best?.score ?? 0))
      best = { tool: tool.name, target, words, score };
  }
  return best;
}

function describe(doc: Workflow | undefined, target: string): string[] {
  if (!doc) return [];
  const agent = doc.agents.find((a) => a.name === target);
  const edges = doc.handoffs.filter((e) => e.target === target).map((e) => e.description ?? '');
  return [agent?.description ?? '', ...edges];
}

interface ToolChoice {
  name: string;
  arguments: Record<string, unknown>;
  /** A required argument the message does not give. */
  missing?: string;
}

function chooseTool(tools: readonly ToolSpec[], text: string): ToolChoice | undefined {
  const functions = tools.filter((t) => !t.name.startsWith(HANDOFF_TOOL_PREFIX));
  const userWords = wordsOf(text);
  let best: ToolSpec | undefined;
  let bestScore = 0;
  for (const tool of functions) {
    // A word of the tool's name counts double; one description word alone is too weak a hint.
    const named = matchWords(userWords, wordsOf(tool.name.replace(/[_-]/g, ' '))).length;
    const score = 2 * named + matchWords(userWords, wordsOf(tool.description)).length;
    if (score >= 2 && score > bestScore) [best, bestScore] = [tool, score];
  }
  if (best) return fillArguments(best, text);
  // A bare number ("It's 123") answers a tool that asked for one.
  if (userWords.size > 0 || firstNumber(text) === undefined) return undefined;
  for (const tool of functions) {
    const choice = fillArguments(tool, text);
    if (choice.missing === undefined && Object.keys(properties(tool)).some(isNumberLike))
      return choice;
  }
  return undefined;
}

function fillArguments(tool: ToolSpec, text: string): ToolChoice {
  const props = properties(tool);
  const required = Array.isArray(tool.parameters.required)
    ? (tool.parameters.required as unknown[])
    : [];
  const args: Record<string, unknown> = {};
  const number = firstNumber(text);
  for (const [name, schema] of Object.entries(props)) {
    const type =
      typeof schema === 'object' && schema !== null
        ? (schema as { type?: unknown }).type
        : undefined;
    if (type === 'number' || type === 'integer') {
      if (number !== undefined) args[name] = Number(number);
    } else if (isNumberLike(name)) {
      if (number !== undefined) args[name] = number;
    } else if (type === 'boolean') {
      if (required.includes(name)) args[name] = true;
    } else if (required.includes(name)) {
      args[name] = truncate(text, 200);
    }
  }
  const missing = required.find(
    (name): name is string => typeof name === 'string' && !(name in args),
  );
  return { name: tool.name, arguments: args, ...(missing !== undefined ? { missing } : {}) };
}

function properties(tool: ToolSpec): Record<string, unknown> {
  const props = tool.parameters.properties;
  return typeof props === 'object' && props !== null ? (props as Record<string, unknown>) : {};
}

const isNumberLike = (name: string): boolean =>
  /(number|_id|^id|_no|code|amount|count|quantity)$/i.test(name);

const firstNumber = (text: string): string | undefined => /\d+(?:\.\d+)?/.exec(text)?.[0];

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function findLastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

/** Words that say nothing about where a request belongs. */
const STOPWORDS = new Set(
  (
    'the and for are but not you your yours our ours with this that these those from have has had ' +
    'was were will would could should can may might must shall what when where which who whom why ' +
    'how all any each few more most other some such only own same than too very just into onto ' +
    'about over under again then once here there them they their its his her him she he we us me ' +
    'my mine i a an of to in on at by or if is it be do does did done want wants need needs ' +
    'please help like get got make let thanks thank hello hi hey agent agents customer customers ' +
    'user users handoff hand handle handles request requests question questions ask asks'
  ).split(' '),
);

/** The distinct meaningful words of a text: lower case, 3+ letters, no stopwords, no plural s. */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    if (raw.length < 3 || /^\d+$/.test(raw) || STOPWORDS.has(raw)) continue;
    words.add(raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return words;
}

/** The words of `query` found in `words`, in the order of `query`. */
export function matchWords(query: ReadonlySet<string>, words: ReadonlySet<string>): string[] {
  return [...query].filter((w) => words.has(w));
}
