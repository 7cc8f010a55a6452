/** Names shared by the trace modules. */

/** Tool names of handoffs (DESIGN §3.1). */
export const HANDOFF_PREFIX = 'handoff_to_';

/** The key of an edge in `TraceState.edges` ('>' cannot occur in agent names). */
export const edgeKey = (source: string, target: string): string => `${source}>${target}`;
