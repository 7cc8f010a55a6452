/**
 * Issue 13 item 9: an implied mesh (no handoffs) is exported without materialising its
 * n×(n−1) edges — Agent Framework builds the mesh itself, Mermaid draws a subgraph.
 */
import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../src/model';
import {
  exportDotnet,
  exportMermaid,
  exportPython,
  MERMAID_MESH_MAX_AGENTS,
  planExport,
} from '../../src/model/export';
import { doc } from '../support/docs';

/** A mesh of `n` agents, built without the parser (which refuses a mesh this large). */
function mesh(n: number): Workflow {
  const base = doc({ agents: [{ name: 'agent_0', description: 'Does things.' }] });
  const agent = base.agents[0]!;
  const agents = Array.from({ length: n }, (_, i) => ({ ...agent, name: `agent_${i}` }));
  return { ...base, startAgent: 'agent_0', agents, handoffs: [] };
}

describe('exporting an implied mesh', () => {
  const large = mesh(2000);

  it('plans no edges for the mesh', () => {
    expect(planExport(large).edges).toHaveLength(0);
  });

  it('writes a 2,000-agent mesh to Mermaid as one subgraph, linear in the agents', () => {
    const out = exportMermaid(large);
    expect(out.length).toBeLessThan(2000 * 60);
    expect(out).not.toContain('-.->');
    expect(out).toContain(
      'subgraph implied_mesh["Implied mesh: every agent can hand off to every other"]',
    );
    expect(out).toContain('    a_agent_1999["agent_1999"]\n  end\n');
    expect(out).toContain('%% implied mesh: 2000 agents and no handoffs, so 3998000 implied');
  });

  it('writes a 2,000-agent mesh to Python and .NET without one handoff call', () => {
    const python = exportPython(large);
    expect(python.length).toBeLessThan(2000 * 600);
    expect(python).not.toContain('add_handoff');
    expect(python).toContain('# No explicit handoffs: every agent may hand off to every other');
    const dotnet = exportDotnet(large);
    expect(dotnet.length).toBeLessThan(2000 * 600);
    expect(dotnet).not.toContain('WithHandoff');
  });

  it('draws a mesh of up to MERMAID_MESH_MAX_AGENTS agents edge by edge', () => {
    const n = MERMAID_MESH_MAX_AGENTS;
    const small = exportMermaid(mesh(n));
    expect(small.match(/-\.->/g)).toHaveLength(n * (n - 1));
    expect(small).toContain('a_agent_0 -.->|"Does things."| a_agent_1\n');
    expect(small).not.toContain('subgraph');
    const over = exportMermaid(mesh(n + 1));
    expect(over).not.toContain('-.->');
    expect(over).toContain('subgraph implied_mesh');
  });
});
