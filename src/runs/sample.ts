/**
 * A message to start a run with in one click ("Try: …"). The document format has no sample
 * message, so it is derived from the document: the examples' own samples (matched by their
 * document name, which only picks the suggestion), else the start agent's first handoff
 * described, else the workflow's description, else a greeting. Every sample of an example
 * exercises a handoff on the simulator (test/unit/runsSample.test.ts).
 */
import type { Workflow } from '../model';

const EXAMPLE_SAMPLES: Readonly<Record<string, string>> = {
  customer_support: 'I want a refund for order 123',
  ecommerce_returns: 'I want to return the shoes from order 456',
  content_pipeline: 'Write a short article about the history of the bicycle',
  homework_tutors: 'Can you help with my math homework: what is 12 times 7?',
};

const MAX_LENGTH = 120;

/** A sensible opening message for a run of `doc`; undefined when it has no agents. */
export function sampleMessage(doc: Workflow): string | undefined {
  if (doc.agents.length === 0) return undefined;
  const own = Object.hasOwn(EXAMPLE_SAMPLES, doc.name) ? EXAMPLE_SAMPLES[doc.name] : undefined;
  if (own) return own;
  const handoff = doc.handoffs.find((h) => h.source === doc.startAgent && h.description?.trim());
  const text = handoff?.description?.trim() || doc.description.trim() || 'Hello!';
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
