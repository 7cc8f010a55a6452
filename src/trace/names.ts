/** Names shared by the trace modules. */

/** The key of an edge in `TraceState.edges` ('>' cannot occur in agent names). */
export const edgeKey = (source: string, target: string): string => `${source}>${target}`;
