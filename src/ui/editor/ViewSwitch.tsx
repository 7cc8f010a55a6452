import { viewStore, useViewMode, type ViewMode } from './viewStore';

const MODES: ReadonlyArray<{ mode: ViewMode; label: string; title: string }> = [
  { mode: 'canvas', label: 'Canvas', title: 'Show the canvas' },
  { mode: 'split', label: 'Split', title: 'Canvas and JSON side by side' },
  { mode: 'json', label: 'JSON', title: 'Edit the document as JSON' },
];

/** The toolbar's view switch: canvas, split, JSON. */
export function ViewSwitch() {
  const current = useViewMode();
  return (
    <div className="toolbar__group view-switch" role="group" aria-label="View">
      {MODES.map(({ mode, label, title }) => (
        <button
          key={mode}
          type="button"
          aria-pressed={current === mode}
          title={title}
          onClick={() => viewStore.getState().setMode(mode)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
