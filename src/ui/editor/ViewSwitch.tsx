import './editor.css';
import { useViewMode, type ViewMode } from './viewStore';
import { useApp } from '../../app/appContext';

/** The toolbar's JSON toggle: shows the JSON view beside the canvas, or hides it. */
export function ViewSwitch() {
  const app = useApp();
  const mode = useViewMode();
  const open = mode !== 'canvas';
  return (
    <button
      type="button"
      className="json-toggle"
      aria-pressed={open}
      title={open ? 'Hide the JSON view' : 'Edit the document as JSON, beside the canvas'}
      onClick={() => app.viewMode.getState().setMode(open ? 'canvas' : 'split')}
    >
      {'{ }'} JSON
    </button>
  );
}

const LAYOUTS: ReadonlyArray<{ mode: ViewMode; label: string; title: string }> = [
  { mode: 'split', label: 'Split', title: 'Canvas and JSON side by side' },
  { mode: 'json', label: 'Full width', title: 'Only the JSON (the canvas steps aside)' },
];

/** The JSON view's header: its layout (split or full width) and a close button. */
export function JsonPaneHeader() {
  const app = useApp();
  const mode = useViewMode();
  return (
    <header className="json-pane__header">
      <h2>JSON</h2>
      <div className="view-switch" role="group" aria-label="JSON view layout">
        {LAYOUTS.map((l) => (
          <button
            key={l.mode}
            type="button"
            aria-pressed={mode === l.mode}
            title={l.title}
            onClick={() => app.viewMode.getState().setMode(l.mode)}
          >
            {l.label}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="json-pane__close"
        aria-label="Close the JSON view"
        title="Close the JSON view"
        onClick={() => app.viewMode.getState().setMode('canvas')}
      >
        ×
      </button>
    </header>
  );
}
