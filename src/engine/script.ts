/**
 * The replay script format (docs/spec/run-file.md#scripts): per agent, in order of that agent's
 * model calls, the reply to give. `parseScript` checks a script with zod; `runToScript` turns a
 * run's events back into the script that replays it.
 */
import { z } from 'zod';
import { formatPath, own, stripByteOrderMark, type PathSegment } from '../model';
import { HandoffStudioError } from './errors';
import type { RunEvent } from './events';

const scriptToolCallSchema = z
  .strictObject({
    name: z.string().min(1).describe('The tool the model calls (a handoff_to_<agent> tool too).'),
    arguments: z
      .union([z.record(z.string(), z.unknown()), z.string()])
      .optional()
      .describe('The arguments object, or raw JSON text (replayed verbatim, even when invalid).'),
    id: z.string().min(1).optional().describe('The call id; generated when absent.'),
  })
  .describe('One tool call of a scripted reply.');

const scriptUsageSchema = z.strictObject({
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  totalTokens: z.number().int().min(0),
  estimated: z
    .boolean()
    .optional()
    .describe('The counts were estimated (a simulator run), not reported by a provider.'),
});

export const scriptReplySchema = z
  .strictObject({
    text: z.string().optional().describe('The reply text, streamed as deltas.'),
    toolCalls: z
      .array(scriptToolCallSchema)
      .optional()
      .describe('The calls of the reply, in order.'),
    usage: scriptUsageSchema.optional().describe('Token usage to report for this call.'),
  })
  .describe("One model call's reply.");

export const scriptSchema = z
  .record(z.string(), z.array(scriptReplySchema))
  .describe('Per agent name, the replies of its model calls in order.');

export type Script = z.infer<typeof scriptSchema>;
export type ScriptReply = z.infer<typeof scriptReplySchema>;
export type ScriptToolCall = z.infer<typeof scriptToolCallSchema>;

/**
 * Checks a decoded JSON value against the script format.
 * @throws HandoffStudioError `invalid_script`, naming the path of every problem.
 */
export function parseScript(raw: unknown): Script {
  const result = scriptSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = formatPath(issue.path.filter((p): p is PathSegment => typeof p !== 'symbol'));
    return `${path === '' ? '(script)' : path}: ${issue.message}`;
  });
  throw new HandoffStudioError(
    'invalid_script',
    `The script is not valid: ${problems.join('; ')}.`,
  );
}

/** Parses script text (a file; a leading byte-order mark is dropped). @throws `invalid_script`. */
export function parseScriptText(text: string): Script {
  let raw: unknown;
  try {
    raw = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    throw new HandoffStudioError(
      'invalid_script',
      `The script is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseScript(raw);
}

/** The call id the script and simulator providers give a call that names none. */
export const defaultCallId = (agent: string, callIndex: number, position: number): string =>
  `${agent}-${callIndex}-${position}`;

/**
 * The script that replays a run: for every model call with a complete reply, its text, tool
 * calls (with ids only when they differ from `defaultCallId`) and usage. Accepts a finished or
 * paused run's events, also several invocations concatenated: a resume overwrites the events
 * after its checkpoint, as in the store. Calls cut short (stopped, failed) are left out.
 */
export function runToScript(events: Iterable<RunEvent>): Script {
  const script: Script = {};
  const calls = new Map<string, number>();
  let open: { agent: string; entry: ScriptReply; deltas: string; answered: boolean } | undefined;
  const close = () => {
    if (!open) return;
    if (open.entry.text === undefined && open.deltas !== '') open.entry.text = open.deltas;
    const replies = own(script, open.agent) ?? (script[open.agent] = []);
    replies.push(open.entry);
    open = undefined;
  };
  for (const event of effectiveLog(events)) {
    if (event.type === 'agent_started') {
      close();
      open = { agent: event.agent, entry: {}, deltas: '', answered: false };
      calls.set(event.agent, (calls.get(event.agent) ?? 0) + 1);
      continue;
    }
    if (!open) continue;
    switch (event.type) {
      case 'text_delta':
        open.deltas += event.delta;
        break;
      case 'usage': {
        const { promptTokens, completionTokens, totalTokens } = event;
        open.entry.usage = { promptTokens, completionTokens, totalTokens };
        if (event.estimated === true) open.entry.usage.estimated = true;
        break;
      }
      case 'message':
        open.entry.text = event.text;
        open.answered = true;
        break;
      case 'tool_call': {
        const list = (open.entry.toolCalls ??= []);
        const callIndex = (calls.get(open.agent) ?? 1) - 1;
        const call: ScriptToolCall = { name: event.name, arguments: event.arguments };
        if (event.callId !== defaultCallId(open.agent, callIndex, list.length))
          call.id = event.callId;
        list.push(call);
        open.answered = true;
        break;
      }
      case 'failed':
      case 'stopped':
        // A call that ended the run before it replied cannot be replayed.
        if (!open.answered) open = undefined;
        else close();
        break;
      default:
        open.answered = true;
        close();
    }
  }
  if (open?.answered) close();
  return script;
}

/** The events as the store keeps them: an event whose seq repeats replaces the ones from there. */
function effectiveLog(events: Iterable<RunEvent>): RunEvent[] {
  const log: RunEvent[] = [];
  for (const event of events) {
    while (log.length > 0 && log[log.length - 1]!.seq >= event.seq) log.pop();
    log.push(event);
  }
  return log;
}
