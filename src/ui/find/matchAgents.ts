/** Agents matching a typed query, for the find box and the handoff picker. Pure, no React. */

export interface AgentOption {
  name: string;
  description: string;
}

/**
 * The agents whose name or description contains `query` (case-insensitive), best first: names
 * that start with it, then names that contain it, then descriptions; document order within each.
 * An empty query matches every agent.
 */
export function matchAgents(agents: readonly AgentOption[], query: string): AgentOption[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...agents];
  const ranked: Array<{ agent: AgentOption; rank: number; order: number }> = [];
  agents.forEach((agent, order) => {
    const name = agent.name.toLowerCase();
    const rank = name.startsWith(q)
      ? 0
      : name.includes(q)
        ? 1
        : agent.description.toLowerCase().includes(q)
          ? 2
          : -1;
    if (rank >= 0) ranked.push({ agent, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.map((r) => r.agent);
}

/** The agents `from` may get a new handoff to: the others it does not hand off to yet. */
export function handoffTargets(
  doc: {
    agents: readonly AgentOption[];
    handoffs: ReadonlyArray<{ source: string; target: string }>;
  },
  from: string,
): AgentOption[] {
  const taken = new Set(doc.handoffs.filter((e) => e.source === from).map((e) => e.target));
  return doc.agents
    .filter((a) => a.name !== from && !taken.has(a.name))
    .map((a) => ({ name: a.name, description: a.description }));
}
