import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { AgentFlowNode } from './toFlow';

/** An agent on the canvas: name, description, model, tools, start/terminal/problem markers. */
export function AgentNode({ data }: NodeProps<AgentFlowNode>) {
  const { errors, warnings } = data.problems;
  const state = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok';
  return (
    <div
      className={`agent-node agent-node--${state}${data.isStart ? ' agent-node--start' : ''}`}
      aria-label={`Agent ${data.name}`}
    >
      <Handle type="target" position={Position.Left} />
      <div className="agent-node__header">
        {data.isStart && <span className="badge badge--start">start</span>}
        <span className="agent-node__name">{data.name}</span>
        {data.isTerminal && <span className="badge badge--terminal">terminal</span>}
      </div>
      {data.description && <p className="agent-node__description">{data.description}</p>}
      <div className="agent-node__meta">
        {data.model && <span className="agent-node__model">{data.model}</span>}
        {data.tools.map((tool) => (
          <span
            key={tool.name}
            className={`badge badge--tool${tool.approval ? ' badge--approval' : ''}`}
            title={tool.approval ? 'A person approves every call' : undefined}
          >
            {tool.name}
            {tool.approval && <span className="badge__approval"> · approval</span>}
          </span>
        ))}
      </div>
      {(errors > 0 || warnings > 0) && (
        <div className="agent-node__problems" role="status">
          {errors > 0 && <span className="problem-count problem-count--error">{errors} error</span>}
          {warnings > 0 && (
            <span className="problem-count problem-count--warning">{warnings} warning</span>
          )}
        </div>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
