/**
 * Issue 12 (the exported Python on Agent Framework): conformance checks every request of both
 * sides for the shape a real OpenAI endpoint insists on (conformance/requestShape.ts) — each
 * assistant tool call answered by a tool message directly after it.
 */
import { describe, expect, it } from 'vitest';
import { unansweredCalls } from '../../conformance/requestShape';
import type { ChatRequestBody } from '../support/openaiServer';

const assistantCalling = (...ids: string[]) => ({
  role: 'assistant',
  content: null,
  tool_calls: ids.map((id) => ({
    id,
    type: 'function',
    function: { name: `tool_${id}`, arguments: '{}' },
  })),
});
const toolAnswer = (id: string) => ({ role: 'tool', tool_call_id: id, content: 'ok' });
const user = { role: 'user', content: 'Hi.' };
const request = (...messages: Array<Record<string, unknown>>) =>
  ({ messages }) as unknown as ChatRequestBody;

describe('conformance: every assistant tool call is answered', () => {
  it('accepts calls answered directly after them, in any order', () => {
    expect(
      unansweredCalls([
        request(user, assistantCalling('a', 'b'), toolAnswer('b'), toolAnswer('a')),
      ]),
    ).toEqual([]);
  });

  it('finds a call left without its tool message (an agent without tools on AF)', () => {
    expect(unansweredCalls([request(user), request(user, assistantCalling('a'), user)])).toEqual([
      'model call 2, message 2: tool_a unanswered',
    ]);
  });

  it('finds an answer that comes only after another message', () => {
    expect(
      unansweredCalls([
        request(assistantCalling('a', 'b'), toolAnswer('a'), user, toolAnswer('b')),
      ]),
    ).toEqual(['model call 1, message 1: tool_b unanswered']);
  });
});
