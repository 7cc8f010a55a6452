import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useDesigner } from '../../store/hooks';
import { connectAgents } from '../shell/commands';
import { AgentPicker } from './AgentPicker';
import { handoffTargets } from './matchAgents';
import { agentNodeBox, focusAgentNode } from './flowNode';
import { usePicker } from './pickerStore';
import { useApp } from '../../app/appContext';

/** "Hand off to…" (`H` on a selected agent): picks the target of a new handoff. */
export function HandoffPicker() {
  const from = usePicker((s) => s.handoffFrom);
  return from === undefined ? null : <HandoffDialog from={from} />;
}

function HandoffDialog({ from }: { from: string }) {
  const app = useApp();
  const flow = useReactFlow();
  const doc = useDesigner((s) => s.doc);
  const targets = useMemo(() => handoffTargets(doc, from), [doc, from]);
  // Beside the agent, read once when the picker opens.
  const anchor = useMemo(() => {
    const box = agentNodeBox(flow, from);
    return box ? flow.flowToScreenPosition({ x: box.x + box.width + 12, y: box.y }) : undefined;
  }, [flow, from]);
  const close = () => app.picker.getState().set({ handoffFrom: undefined });
  return (
    <AgentPicker
      title={`Hand off from ${from} to…`}
      label="Target agent"
      agents={targets}
      empty="No other agent matches."
      anchor={anchor}
      onPick={(to) => {
        close();
        connectAgents(app, from, to);
        const box = agentNodeBox(flow, from);
        if (box) requestAnimationFrame(() => focusAgentNode(box.id));
      }}
      onClose={close}
    />
  );
}
