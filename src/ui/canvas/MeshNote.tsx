import { useDesigner } from '../../store/hooks';
import { MESH_DRAW_LIMIT } from './toFlow';

/** Says what the dashed edges mean when the document has no edges (the implied mesh). */
export function MeshNote() {
  const implied = useDesigner((s) => s.topology.implied);
  const agents = useDesigner((s) => s.doc.agents.length);
  if (!implied || agents < 2) return null;
  return (
    <div className="mesh-note" role="note">
      <strong>Implied mesh.</strong> No handoffs are drawn, so every agent may hand off to every
      other{agents > MESH_DRAW_LIMIT ? ' (not drawn: too many agents)' : ' (dashed)'}. Drag from a
      node&apos;s right handle to another node to draw the graph yourself.
    </div>
  );
}
