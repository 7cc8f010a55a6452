import { useReactFlow } from '@xyflow/react';
import { AGENT_TEMPLATES } from '../../model/edit';
import { TEMPLATE_MIME } from './dragData';
import { addAgentAt } from '../shell/commands';
import { useApp } from '../../app/appContext';

/**
 * Agent templates to drag onto the canvas. Each is also a button: Enter or a click adds the agent
 * in the middle of the visible canvas (the keyboard way).
 */
export function Palette() {
  const app = useApp();
  const store = app.designer;
  const { screenToFlowPosition } = useReactFlow();
  const addInView = (id: string) => {
    const template = AGENT_TEMPLATES.find((t) => t.id === id)!;
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const center = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    // Stagger so that several clicks do not stack agents exactly on top of each other.
    const n = store.getState().doc.agents.length % 6;
    addAgentAt(app, template.agent, { x: center.x - 120 + n * 24, y: center.y - 50 + n * 24 });
  };
  return (
    <nav className="palette" aria-label="Agent palette">
      <h2>Add agent</h2>
      <p className="palette__hint">Drag onto the canvas, or press Enter.</p>
      <ul>
        {AGENT_TEMPLATES.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className={`palette__item palette__item--${t.id}`}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(TEMPLATE_MIME, t.id);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => addInView(t.id)}
              aria-label={`Add ${t.title}`}
              title={`${t.hint}. Drag onto the canvas, or click to add.`}
            >
              <span className="palette__title">{t.title}</span>
              <span className="palette__item-hint">{t.hint}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
