/**
 * The run's append-only item log (docs/spec/run-semantics.md#the-shared-transcript): the shared
 * transcript of user and assistant text, interleaved with items private to one agent (its tool
 * calls, their results, autonomous prompts). Each agent's model input is a view of the log, built
 * incrementally: a per-agent cursor and a cached message array, so one step costs what was appended
 * since that agent last ran.
 */
import type { ChatMessage, ModelToolCall } from './provider';

export type TranscriptItem =
  /** Shared: a user message. */
  | { kind: 'user'; text: string }
  /** Shared: the text of an agent's reply. */
  | { kind: 'assistant'; agent: string; text: string }
  /** Private: the tool calls of a reply; `withText` when its text is the item just before. */
  | { kind: 'calls'; agent: string; calls: ModelToolCall[]; withText: boolean }
  /** Private: the result answering one call. */
  | {
      kind: 'result';
      agent: string;
      callId: string;
      name: string;
      result: string;
      isError: boolean;
    }
  /**
   * Private: the user-role prompt that makes an autonomous agent continue
   * (docs/spec/run-semantics.md#final-replies).
   */
  | { kind: 'autonomous'; agent: string; text: string };

export const isShared = (
  item: TranscriptItem,
): item is Extract<TranscriptItem, { kind: 'user' | 'assistant' }> =>
  item.kind === 'user' || item.kind === 'assistant';

interface View {
  /** Items before this index are already in `messages`. */
  cursor: number;
  messages: ChatMessage[];
}

export class Transcript {
  private readonly items: TranscriptItem[];
  private readonly views = new Map<string, View>();
  private shared = 0;
  private latestSharedIndex = -1;

  constructor(items: readonly TranscriptItem[] = []) {
    this.items = [];
    for (const item of items) this.append(item);
  }

  get length(): number {
    return this.items.length;
  }

  /** Number of shared messages (user and assistant text). */
  get sharedLength(): number {
    return this.shared;
  }

  /** The latest shared message, if any. */
  latestShared(): Extract<TranscriptItem, { kind: 'user' | 'assistant' }> | undefined {
    const item = this.items[this.latestSharedIndex];
    return item && isShared(item) ? item : undefined;
  }

  append(item: TranscriptItem): void {
    this.items.push(item);
    if (isShared(item)) {
      this.shared++;
      this.latestSharedIndex = this.items.length - 1;
    }
  }

  /** Items from `start` on (what a checkpoint still has to persist). */
  slice(start: number, end?: number): TranscriptItem[] {
    return this.items.slice(start, end);
  }

  /**
   * The model input of `agent`: its instructions as the system message, then the shared
   * transcript interleaved with its own private items. The array is the agent's cached view,
   * not a copy (copying would make a long run quadratic): it stays valid until the transcript
   * next changes, which never happens during that agent's model call.
   */
  inputFor(agent: string, instructions: string): readonly ChatMessage[] {
    let view = this.views.get(agent);
    if (!view) {
      view = {
        cursor: 0,
        messages: instructions === '' ? [] : [{ role: 'system', content: instructions }],
      };
      this.views.set(agent, view);
    }
    for (; view.cursor < this.items.length; view.cursor++) {
      addToView(view.messages, this.items[view.cursor]!, agent);
    }
    return view.messages;
  }
}

function addToView(messages: ChatMessage[], item: TranscriptItem, agent: string): void {
  switch (item.kind) {
    case 'user':
      messages.push({ role: 'user', content: item.text });
      return;
    case 'assistant':
      messages.push(
        item.agent === agent
          ? { role: 'assistant', content: item.text }
          : { role: 'assistant', content: item.text, name: item.agent },
      );
      return;
    case 'calls': {
      if (item.agent !== agent) return;
      const last = messages[messages.length - 1];
      // The reply's text was appended just before its calls: one assistant message holds both.
      if (item.withText && last?.role === 'assistant' && last.name === undefined) {
        messages[messages.length - 1] = {
          role: 'assistant',
          content: last.content,
          toolCalls: item.calls,
        };
      } else {
        messages.push({ role: 'assistant', content: null, toolCalls: item.calls });
      }
      return;
    }
    case 'result':
      if (item.agent === agent) {
        messages.push({ role: 'tool', toolCallId: item.callId, content: item.result });
      }
      return;
    case 'autonomous':
      if (item.agent === agent) messages.push({ role: 'user', content: item.text });
      return;
  }
}
