import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { agentIdOf } from '../../store';
import { useDesigner } from '../../store/hooks';
import { AgentPicker } from './AgentPicker';
import { agentNodeBox, focusAgentNode } from './flowNode';
import { usePicker } from './pickerStore';
import { useApp } from '../../app/appContext';

/** The find box (Ctrl/⌘ K, `/`): jumps to an agent, selects it and centres the view on it. */
export function FindAgent() {
  const open = usePicker((s) => s.find);
  return open ? <FindDialog /> : null;
}

function FindDialog() {
  const app = useApp();
  const store = app.designer;
  const flow = useReactFlow();
  const doc = useDesigner((s) => s.doc);
  const agents = useMemo(
    () => doc.agents.map((a) => ({ name: a.name, description: a.description })),
    [doc.agents],
  );
  const close = () => app.picker.getState().set({ find: false });
  const jump = (name: string) => {
    close();
    const { doc: current, ids } = store.getState();
    const id = agentIdOf(current, ids, name);
    store.getState().select({ agents: id === undefined ? [] : [id], edges: [] });
    const box = agentNodeBox(flow, name);
    if (!box) return;
    app.say(`Found ${name}.`);
    void flow
      .setCenter(box.x + box.width / 2, box.y + box.height / 2, {
        zoom: Math.max(flow.getZoom(), 0.8),
        duration: 200,
      })
      .then(() => focusAgentNode(box.id));
  };
  return (
    <AgentPicker
      title="Find an agent"
      label="Agent name or description"
      agents={agents}
      empty="No agent has that in its name or description."
      onPick={jump}
      onClose={close}
    />
  );
}
