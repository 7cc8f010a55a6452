/**
 * Mermaid flowchart export: one node per agent, one edge per handoff labelled with its effective
 * description, the start agent and terminal agents marked, the implied mesh drawn dashed (up to
 * MERMAID_MESH_MAX_AGENTS agents; beyond, a subgraph says it instead of n×(n−1) arrows).
 */
import type { Workflow } from '../schema';
import { handoffDescription } from '../topology';
import { IdentifierAllocator } from './literals';
import { planExport } from './plan';

/** Longest edge label, in characters, before it is cut with an ellipsis. */
export const MERMAID_LABEL_MAX = 60;

/**
 * Largest implied mesh drawn edge by edge (12 agents: 132 dashed edges, as on the canvas). A
 * larger mesh puts every agent in one subgraph titled "every agent can hand off to every other",
 * so the file grows linearly with the agents instead of with their square.
 */
export const MERMAID_MESH_MAX_AGENTS = 12;

const MERMAID_RESERVED: ReadonlySet<string> = new Set(['end', 'graph', 'flowchart', 'subgraph']);

/** What a label collapses to one space: whitespace, control and format characters. */
const LABEL_SPACE = /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * Text for a quoted Mermaid label: whitespace and control characters collapsed to single
 * spaces, cut to `max` characters with an ellipsis, and every character that could end the
 * quote or be read as markup written as a Mermaid entity code (`#quot;`, `#35;` …).
 */
export function mermaidText(value: string, max = MERMAID_LABEL_MAX): string {
  // One pass that stops once the label is known to be too long: a 200,000-character
  // description repeated on thousands of edges costs no more than a short one.
  const chars: string[] = [];
  let gap = false;
  for (const ch of value) {
    if (LABEL_SPACE.test(ch)) {
      gap = true;
      continue;
    }
    if (gap && chars.length > 0) chars.push(' ');
    gap = false;
    chars.push(ch);
    if (chars.length > max) break;
  }
  let text = chars.join('');
  if (chars.length > max)
    text = `${chars
      .slice(0, max - 1)
      .join('')
      .trimEnd()}…`;
  return text.replace(/[#"<>&`|\\{}[\]]/g, (ch) => `#${ch.codePointAt(0)};`);
}

/**
 * Exports a workflow as a Mermaid flowchart (`flowchart LR`). Explicit handoffs are solid edges
 * (`-->`); a document without handoffs shows its implied full mesh as dashed edges (`-.->`), or,
 * above MERMAID_MESH_MAX_AGENTS agents, as one subgraph holding every agent.
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
  const { topology } = plan;
  const meshBox = topology.implied && plan.agents.length > MERMAID_MESH_MAX_AGENTS;
  const indent = meshBox ? '    ' : '  ';
  if (meshBox) {
    const n = plan.agents.length;
    lines.push(
      `  %% implied mesh: ${n} agents and no handoffs, so ${n * (n - 1)} implied handoffs; ` +
        'drawn as one subgraph, not edge by edge',
      `  subgraph ${ids.allocate('implied_mesh')}["Implied mesh: every agent can hand off to every other"]`,
    );
  }
  for (const agent of plan.agents) {
    const marks: string[] = [];
    if (agent.name === plan.start) marks.push('▶ start');
    if (terminal.has(agent.name)) marks.push('■ terminal');
    const label = [mermaidText(agent.name, 80), ...marks].join('<br/>');
    lines.push(`${indent}${idOf.get(agent.name)!}["${label}"]`);
  }
  if (meshBox) lines.push('  end');
  else if (topology.implied) {
    for (const source of plan.agents) {
      for (const target of topology.targetsOf(source.name)) {
        const label = mermaidText(
          handoffDescription(undefined, target, topology.agents.get(target)),
        );
        lines.push(`  ${idOf.get(source.name)!} -.->|"${label}"| ${idOf.get(target)!}`);
      }
    }
  }
  for (const edge of plan.edges) {
    const label = mermaidText(edge.description);
    lines.push(`  ${idOf.get(edge.source)!} -->|"${label}"| ${idOf.get(edge.target)!}`);
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
