import { Background, Controls, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { ValidationIssue, Workflow } from '../../model';
import { AgentNode } from './AgentNode';
import { toFlowEdges, toFlowNodes } from './toFlow';

const nodeTypes = { agent: AgentNode };

/** The workflow drawn as a graph (read-only in this version; the designer comes next). */
export function Canvas({ doc, issues }: { doc: Workflow; issues: readonly ValidationIssue[] }) {
  const nodes = useMemo(() => toFlowNodes(doc, issues), [doc, issues]);
  const edges = useMemo(() => toFlowEdges(doc), [doc]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
      nodesConnectable={false}
      proOptions={{ hideAttribution: true }}
      aria-label="Workflow canvas"
    >
      <Background gap={20} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
