/**
 * Chat folding: how events become chat items. Tool results fold into their call, request answers
 * into their request; lookups look back a bounded number of items, because what they look for
 * was emitted a few events earlier (docs/spec/events.md#order orders a reply's events together).
 */
import type { CallUsage, ChatItem } from './types';
import { findLastIndex, get, last, push, set, type PList } from './plist';

type Chat = PList<ChatItem>;

/** How far back a result looks for its call, an answer for its request. */
const LOOKBACK = 256;

/** Appends streamed text to the agent's streaming message, or starts one. */
export function appendDelta(chat: Chat, id: number, agent: string, delta: string): Chat {
  const tail = last(chat);
  if (tail?.kind === 'message' && tail.streaming && tail.agent === agent) {
    return set(chat, chat.length - 1, { ...tail, text: tail.text + delta });
  }
  return push(chat, { kind: 'message', id, agent, text: delta, streaming: true });
}

/**
 * The agent's complete message: replaces its streaming message, or is appended. `usage`, when
 * given, goes on it unless it already has the figures (they came while it streamed).
 */
export function finishMessage(
  chat: Chat,
  id: number,
  agent: string,
  text: string,
  usage?: CallUsage,
): Chat {
  const tail = last(chat);
  if (tail?.kind === 'message' && tail.streaming && tail.agent === agent) {
    const figures = tail.usage ?? usage;
    return set(chat, chat.length - 1, {
      ...tail,
      text,
      streaming: false,
      ...(figures ? { usage: figures } : {}),
    });
  }
  return push(chat, {
    kind: 'message',
    id,
    agent,
    text,
    streaming: false,
    ...(usage ? { usage } : {}),
  });
}

/** A streaming message that will not finish (Stop, failure, a new model call). */
export function cutStreaming(chat: Chat): Chat {
  const tail = last(chat);
  if (tail?.kind === 'message' && tail.streaming) {
    return set(chat, chat.length - 1, { ...tail, streaming: false, interrupted: true });
  }
  return chat;
}

/** Replaces the latest item that passes `test` with `update(item)`. */
export function updateLast<K extends ChatItem['kind']>(
  chat: Chat,
  kind: K,
  test: (item: Extract<ChatItem, { kind: K }>) => boolean,
  update: (item: Extract<ChatItem, { kind: K }>) => Extract<ChatItem, { kind: K }>,
): Chat {
  const index = findLastIndex(
    chat,
    (item) => item.kind === kind && test(item as Extract<ChatItem, { kind: K }>),
    LOOKBACK,
  );
  if (index < 0) return chat;
  return set(chat, index, update(get(chat, index) as Extract<ChatItem, { kind: K }>));
}

/** Whether a request item with this id exists nearby (a resume re-emits open requests). */
export function hasRequest(chat: Chat, requestId: string): boolean {
  return (
    findLastIndex(
      chat,
      (item) => (item.kind === 'input' || item.kind === 'approval') && item.requestId === requestId,
      LOOKBACK,
    ) >= 0
  );
}

/** Closes every open request item (the invocation ended; a resume reopens them). */
export function closeRequests(chat: Chat, requestIds: readonly string[]): Chat {
  let out = chat;
  for (const requestId of requestIds) {
    out = updateLast(
      out,
      'input',
      (i) => i.requestId === requestId && i.open,
      (i) => ({ ...i, open: false }),
    );
    out = updateLast(
      out,
      'approval',
      (i) => i.requestId === requestId && i.open,
      (i) => ({ ...i, open: false }),
    );
  }
  return out;
}
