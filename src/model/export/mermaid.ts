/**
 * Mermaid flowchart export: one node per agent, one edge per handoff labelled with its effective
 * description, the start agent and terminal agents marked, the implied mesh drawn dashed.
 */
import type { Workflow } from '../schema';
import { IdentifierAllocator } from './literals';
import { planExport } from './plan';

/** Longest edge label, in characters, before it is cut with an ellipsis. */
export const MERMAID_LABEL_MAX = 60;

const MERMAID_RESERVED: ReadonlySet<string> = new Set(['end', 'graph', 'flowchart', 'subgraph']);

/**
 * Text for a quoted Mermaid label: whitespace and control characters collapsed to single
 * spaces, cut to `max` characters with an ellipsis, and every character that could end the
 * quote or be read as markup written as a Mermaid entity code (`#quot;`, `#35;` …).
 */
export function mermaidText(value: string, max = MERMAID_LABEL_MAX): string {
  let text = value.replace(/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  const chars = [...text];
  if (chars.length > max)
    text = `${chars
      .slice(0, max - 1)
      .join('')
      .trimEnd()}…`;
  return text.replace(/[#"<>&`|\\{}[\]]/g, (ch) => `#${ch.codePointAt(0)};`);
}

/**
 * Exports a workflow as a Mermaid flowchart (`flowchart LR`). Explicit handoffs are solid edges
 * (`-->`); a document without handoffs shows its implied full mesh as dashed edges (`-.->`).
 * The start agent gets the `start` class and a "▶ start" marker, terminal agents the `terminal`
 * class and a "■ terminal" marker. Edges that are not well-formed are listed as comments.
 */
export function exportMermaid(doc: Workflow): string {
  const plan = planExport(doc);
  const ids = new IdentifierAllocator(MERMAID_RESERVED);
  const idOf = new Map<string, string>();
  for (const agent of plan.agents) idOf.set(agent.name, ids.allocate(agent.name, 'a_'));
  const terminal = new Set(plan.terminal);

  const lines: string[] = ['flowchart LR'];
  for (const agent of plan.agents) {
    const marks: string[] = [];
    if (agent.name === plan.start) marks.push('▶ start');
    if (terminal.has(agent.name)) marks.push('■ terminal');
    const label = [mermaidText(agent.name, 80), ...marks].join('<br/>');
    lines.push(`  ${idOf.get(agent.name)!}["${label}"]`);
  }
  const arrow = plan.topology.implied ? '-.->' : '-->';
  for (const edge of plan.edges) {
    const label = mermaidText(edge.description);
    lines.push(`  ${idOf.get(edge.source)!} ${arrow}|"${label}"| ${idOf.get(edge.target)!}`);
  }
  for (let i = 0; i < plan.notes.length; i++) {
    // Notes quote user text; a Mermaid comment must stay on one line and hold no directive.
    lines.push(`  %% note: ${mermaidText(plan.notes[i]!, 200)}`);
  }
  lines.push('  classDef start fill:#dcfce7,stroke:#15803d,stroke-width:3px');
  lines.push('  classDef terminal fill:#fee2e2,stroke:#b91c1c,stroke-width:2px');
  const terminalIds = plan.agents
    .filter((a) => terminal.has(a.name) && a.name !== plan.start)
    .map((a) => idOf.get(a.name)!);
  if (terminalIds.length > 0) lines.push(`  class ${terminalIds.join(',')} terminal`);
  if (plan.start !== undefined) lines.push(`  class ${idOf.get(plan.start)!} start`);
  return `${lines.join('\n')}\n`;
}
