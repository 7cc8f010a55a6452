/**
 * A model for routing statistics on the OpenAI-compatible test server (openaiServer.ts): the
 * agent offered handoff tools (triage) hands off at random with known true rates, seeded, so a
 * suite over it is deterministic; every other agent answers with text. It counts requests in
 * flight, to check a suite's concurrency. Used by routingStatistics.test.ts and the bench.
 */
import { startOpenAIServer, type OpenAIServer, type ScriptHandler } from './openaiServer';

/** When the user's message contains `when`, hand off to `to` with probability `p`, else to `otherwise`. */
export interface RouteRule {
  when: string;
  to: string;
  p: number;
  otherwise: string;
}

export interface RoutingServer {
  server: OpenAIServer;
  /** The most chat requests that were being answered at the same time. */
  maxInFlight(): number;
  /** How many handoff decisions were drawn. */
  draws(): number;
}

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startRoutingServer(options: {
  seed: number;
  rules: readonly RouteRule[];
  /** Milliseconds each answer is held back (to make requests overlap); 0 by default. */
  latencyMs?: number;
}): Promise<RoutingServer> {
  const random = seeded(options.seed);
  let inFlight = 0;
  let most = 0;
  let draws = 0;
  const handler: ScriptHandler = async (request) => {
    inFlight++;
    most = Math.max(most, inFlight);
    try {
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      const messages = request.body?.messages ?? [];
      const user = [...messages].reverse().find((m) => m.role === 'user');
      const text = typeof user?.content === 'string' ? user.content : '';
      const offersHandoff = (request.body?.tools ?? []).some((t) =>
        t.function.name.startsWith('handoff_to_'),
      );
      const rule = options.rules.find((r) => text.includes(r.when));
      if (!offersHandoff || !rule) return { text: 'Done.' };
      draws++;
      const target = random() < rule.p ? rule.to : rule.otherwise;
      return {
        toolCalls: [{ name: `handoff_to_${target}`, arguments: '{"reason":"routing"}' }],
      };
    } finally {
      inFlight--;
    }
  };
  const server = await startOpenAIServer({ handler });
  return { server, maxInFlight: () => most, draws: () => draws };
}
