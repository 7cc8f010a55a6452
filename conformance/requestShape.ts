/**
 * The request shape a real OpenAI endpoint insists on: every assistant tool call is answered by a
 * tool message among the messages that directly follow it (before the next user or assistant
 * message); otherwise the endpoint refuses the request with a 400. The conformance server answers
 * anything, so conformance checks this itself, on every request of both sides.
 */
import type { ChatRequestBody } from '../test/support/openaiServer';

/** Each assistant tool call that no directly following tool message answers, as a line. */
export function unansweredCalls(requests: readonly ChatRequestBody[]): string[] {
  const found: string[] = [];
  for (const [n, body] of requests.entries()) {
    const messages = body.messages ?? [];
    for (const [i, message] of messages.entries()) {
      const calls =
        (message['tool_calls'] as Array<{ id: string; function?: { name?: string } }>) ?? [];
      if (calls.length === 0) continue;
      const answered = new Set<unknown>();
      for (const next of messages.slice(i + 1)) {
        if (next.role !== 'tool') break;
        answered.add(next['tool_call_id']);
      }
      for (const call of calls) {
        if (!answered.has(call.id)) {
          found.push(
            `model call ${n + 1}, message ${i + 1}: ${call.function?.name ?? '?'} unanswered`,
          );
        }
      }
    }
  }
  return found;
}
