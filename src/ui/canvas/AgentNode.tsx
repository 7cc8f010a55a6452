import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { indexOfId } from '../../store/identity';
import { useDesigner } from '../../store/hooks';
import { useUi } from '../uiStore';
import { AgentTrace } from './AgentTrace';
import { useAgentBreakpoint } from './breakpoints';
import { InlineName } from './InlineName';
import { useAgentOverlay } from './useTraceOverlay';
import type { AgentFlowNode } from './toFlow';
import { TestAgentBadge } from '../tests/TestMarks';

/**
 * An agent on the canvas: name (double-click to rename in place), description, model, tool
 * badges with an approval mark, and markers for start, terminal and problems. Memoized: the
 * node builder hands over the same props object when its markers or place did not change; what
 * is written on it comes from the document (see toFlow.ts).
 */
export const AgentNode = memo(function AgentNode({ id, data, selected }: NodeProps<AgentFlowNode>) {
  const renaming = useUi((s) => s.renaming === id);
  // This node's agent by its view id: two agents may share a name.
  const agent = useDesigner((s) => s.doc.agents[indexOfId(s.ids.agents, id)]);
  const catalogue = useDesigner((s) => s.doc.tools);
  const defaultModel = useDesigner((s) => s.doc.defaults.model);
  const tools = useMemo(
    () =>
      (agent?.tools ?? []).map((name) => {
        const tool = catalogue.find((t) => t.name === name);
        return { name, approval: tool?.approval === 'always_require', known: !!tool };
      }),
    [agent?.tools, catalogue],
  );
  const description = agent?.description ?? '';
  const model = agent?.model ?? defaultModel;
  const modelIsDefault = agent?.model === undefined;
  const { errors, warnings, first } = data.problems;
  const state = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok';
  const overlay = useAgentOverlay(data.name);
  const breakpoint = useAgentBreakpoint(data.name);
  const trace = overlay.active
    ? ' agent-node--active'
    : overlay.waiting
      ? ' agent-node--waiting'
      : overlay.visited
        ? ' agent-node--visited'
        : '';
  return (
    <div
      className={`agent-node agent-node--${state}${data.isStart ? ' agent-node--start' : ''}${
        selected ? ' agent-node--selected' : ''
      }${trace}`}
      data-agent={data.name}
      data-trace={overlay.active ? 'active' : overlay.visited ? 'visited' : undefined}
    >
      <Handle type="target" position={Position.Left} title={`Handoffs into ${data.name}`} />
      <div className="agent-node__header">
        {data.isStart && (
          <span className="badge badge--start" title="Start agent: receives the first message">
            ▶ start
          </span>
        )}
        {breakpoint && (
          <span
            className="breakpoint-dot"
            title="Breakpoint: a run pauses before this agent's model calls"
            aria-label="breakpoint"
          />
        )}
        <InlineName id={id} name={data.name} editing={renaming} />
        {data.isTerminal && (
          <span className="badge badge--terminal" title="Terminal: no outbound handoffs">
            ■ terminal
          </span>
        )}
      </div>
      {description ? (
        <p className="agent-node__description">{description}</p>
      ) : (
        <p className="agent-node__description agent-node__description--empty">No description</p>
      )}
      <div className="agent-node__meta">
        {model && (
          <span
            className={`agent-node__model${modelIsDefault ? ' agent-node__model--default' : ''}`}
            title={modelIsDefault ? 'Default model of the workflow' : 'Model'}
          >
            {model}
          </span>
        )}
        {tools.map((tool) => (
          <span
            key={tool.name}
            className={`badge badge--tool${tool.approval ? ' badge--approval' : ''}${
              tool.known ? '' : ' badge--unknown'
            }`}
            title={
              !tool.known
                ? 'Unknown tool'
                : tool.approval
                  ? 'Tool: a person approves every call'
                  : 'Tool'
            }
          >
            {tool.name}
            {tool.approval && (
              <span className="badge__approval" aria-label="needs approval">
                {' '}
                · approval
              </span>
            )}
          </span>
        ))}
      </div>
      {(errors > 0 || warnings > 0) && (
        <div className="agent-node__problems" title={first}>
          {errors > 0 && (
            <span className="problem-count problem-count--error">
              ✖ {errors} error{errors > 1 ? 's' : ''}
            </span>
          )}
          {warnings > 0 && (
            <span className="problem-count problem-count--warning">
              ▲ {warnings} warning{warnings > 1 ? 's' : ''}
            </span>
          )}
        </div>
      )}
      <AgentTrace overlay={overlay} />
      <TestAgentBadge name={data.name} />
      <Handle type="source" position={Position.Right} title={`Handoffs from ${data.name}`} />
    </div>
  );
});
