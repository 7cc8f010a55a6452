/**
 * The exact model input of any turn, rebuilt from the events before it
 * (docs/spec/run-semantics.md#the-shared-transcript): the transcript items the engine kept (shared
 * user and agent texts, each agent's private tool calls, results and autonomous prompts) are
 * replayed into the engine's own `Transcript`, which builds the input as the engine did. Tool-call
 * arguments come back re-serialized (a model's own whitespace inside its JSON is not in the
 * events).
 */
import type { RunEvent, ToolArguments } from '../engine/events';
import type { ChatMessage, ModelToolCall } from '../engine/provider';
import { Transcript, type TranscriptItem } from '../engine/transcript';

/** What the input depends on besides the events: from the run's document. */
export interface InputContext {
  /** The agent's instructions (its system message). */
  instructions: string;
  /** `interaction.autonomousPrompt` of the document. */
  autonomousPrompt: string;
}

const rawArguments = (args: ToolArguments): string =>
  typeof args === 'string' ? args : JSON.stringify(args);

/** The transcript items the engine held after `events` (an effective log, in seq order). */
export function transcriptItemsOf(
  events: readonly RunEvent[],
  autonomousPrompt: string,
): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  let calls: { agent: string; calls: ModelToolCall[]; withText: boolean } | undefined;
  // The last model call: whose, and whether it ended as a final reply (no tool calls).
  let previous: { agent: string; final: boolean } | undefined;
  let textOfTurn = false;
  // A reply's results come after all its calls in the transcript, whether the events interleave
  // them (each call, then its result) or, as older runs and approval batches do, list the calls
  // first.
  let results: TranscriptItem[] = [];
  const flush = () => {
    if (calls) items.push({ kind: 'calls', ...calls });
    calls = undefined;
    items.push(...results);
    results = [];
  };
  for (const event of events) {
    if (event.type !== 'tool_call' && event.type !== 'tool_result') flush();
    switch (event.type) {
      case 'agent_started':
        // An agent called again right after its own final reply continued autonomously.
        if (previous?.agent === event.agent && previous.final) {
          items.push({ kind: 'autonomous', agent: event.agent, text: autonomousPrompt });
        }
        previous = { agent: event.agent, final: true };
        textOfTurn = false;
        break;
      case 'message':
        items.push({ kind: 'assistant', agent: event.agent, text: event.text });
        textOfTurn = true;
        break;
      case 'tool_call':
        if (previous) previous.final = false;
        calls ??= { agent: event.agent, calls: [], withText: textOfTurn };
        calls.calls.push({
          id: event.callId,
          name: event.name,
          arguments: rawArguments(event.arguments),
        });
        break;
      case 'tool_result': {
        const { agent, callId, name, result, isError } = event;
        (calls ? results : items).push({ kind: 'result', agent, callId, name, result, isError });
        break;
      }
      case 'user_message':
        items.push({ kind: 'user', text: event.text });
        previous = undefined;
        break;
      default:
        break;
    }
  }
  flush();
  return items;
}

/**
 * The messages the model got at the model call announced by `events[index]` (an
 * `agent_started`). @throws Error when that event is not an `agent_started`.
 */
export function modelInputAt(
  events: readonly RunEvent[],
  index: number,
  context: InputContext,
): ChatMessage[] {
  const started = events[index];
  if (started?.type !== 'agent_started') {
    throw new Error(`Event ${index} is not the start of a model call.`);
  }
  // Up to the agent_started itself: it is where an autonomous prompt was added.
  const items = transcriptItemsOf(events.slice(0, index + 1), context.autonomousPrompt);
  return [...new Transcript(items).inputFor(started.agent, context.instructions)];
}

/** The model input of a turn (from `turnsForAgent`), given the run's events. */
export function modelInputOfTurn(
  events: readonly RunEvent[],
  turn: { readonly startSeq: number },
  context: InputContext,
): ChatMessage[] {
  const index = events.findIndex((e) => e.seq === turn.startSeq);
  return modelInputAt(events, index, context);
}
