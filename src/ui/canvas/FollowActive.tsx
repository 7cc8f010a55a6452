import { Panel, useReactFlow } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { agentIdOf } from '../../store/identity';
import { useDesignerStore } from '../../store/hooks';
import { useActiveAgent } from './useTraceOverlay';

/**
 * While a run is shown, the camera can follow the agent in control (on by default, with a switch
 * to turn it off). It centres that agent, keeping the zoom, each time control passes.
 */
export function FollowActive() {
  const active = useActiveAgent();
  const [follow, setFollow] = useState(true);
  const { getNode, setCenter, getZoom } = useReactFlow();
  const store = useDesignerStore();
  useEffect(() => {
    if (!follow || active === undefined) return;
    // The run names the agent; its node is the first agent with that name.
    const { doc, ids } = store.getState();
    const id = agentIdOf(doc, ids, active);
    const node = id === undefined ? undefined : getNode(id);
    if (!node) return;
    const width = node.measured?.width ?? 240;
    const height = node.measured?.height ?? 100;
    void setCenter(node.position.x + width / 2, node.position.y + height / 2, {
      zoom: Math.max(getZoom(), 0.6),
      duration: 400,
    });
  }, [active, follow, getNode, setCenter, getZoom, store]);
  if (active === undefined) return null;
  return (
    <Panel position="top-right" className="follow-active">
      <label title="Keep the agent in control in view while the run goes on">
        <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />{' '}
        Follow active agent
      </label>
    </Panel>
  );
}
