import { useDesigner } from '../../store/hooks';
import { ViewSwitch } from '../editor/ViewSwitch';
import { LibraryButton } from '../library/LibraryButton';
import { useUi, type ThemeChoice } from '../uiStore';
import { redo, undo } from './commands';
import { useLayout } from './useLayout';
import { useApp } from '../../app/appContext';

const THEME_LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
};

/** The main toolbar: the workflow menu, undo/redo, layout, grid, theme, shortcuts and the status. */
export function Toolbar() {
  const app = useApp();
  const layout = useLayout();
  const canUndo = useDesigner((s) => s.canUndo);
  const canRedo = useDesigner((s) => s.canRedo);
  const undoLabel = useDesigner((s) => s.undoLabel);
  const redoLabel = useDesigner((s) => s.redoLabel);
  const agents = useDesigner((s) => s.doc.agents.length);
  const handoffs = useDesigner((s) => s.doc.handoffs.length);
  const errors = useDesigner((s) => s.issues.filter((i) => i.severity === 'error').length);
  const theme = useUi((s) => s.theme);
  const snap = useUi((s) => s.snapToGrid);

  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <h1 className="toolbar__title">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={22} height={22} />
        <span className="toolbar__label">Handoff Studio</span>
      </h1>
      <LibraryButton />
      <div className="toolbar__group" role="group" aria-label="History">
        <button
          type="button"
          onClick={() => undo(app)}
          disabled={!canUndo}
          aria-label="Undo"
          title={canUndo ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
        >
          ↶<span className="toolbar__label"> Undo</span>
        </button>
        <button
          type="button"
          onClick={() => redo(app)}
          disabled={!canRedo}
          aria-label="Redo"
          title={canRedo ? `Redo ${redoLabel} (Shift+Ctrl+Z)` : 'Nothing to redo'}
        >
          ↷<span className="toolbar__label"> Redo</span>
        </button>
      </div>
      <div className="toolbar__group" role="group" aria-label="Layout">
        <button
          type="button"
          onClick={() => void layout('RIGHT')}
          aria-label="Layout left to right"
          title="Auto-layout left to right (L)"
        >
          ⇉<span className="toolbar__label"> Layout</span>
        </button>
        <button
          type="button"
          onClick={() => void layout('DOWN')}
          aria-label="Layout top to bottom"
          title="Auto-layout top to bottom (Shift+L)"
        >
          ⇊
        </button>
        <button
          type="button"
          aria-pressed={snap}
          onClick={() => app.ui.getState().set({ snapToGrid: !snap })}
          aria-label="Snap to grid"
          title="Snap to grid (G)"
        >
          #<span className="toolbar__label"> Snap</span>
        </button>
      </div>
      <ViewSwitch />
      <button
        type="button"
        className="toolbar__run"
        aria-label="Run this workflow"
        title="Open the Run panel (the offline simulator needs no key)"
        disabled={errors > 0}
        onClick={() => {
          app.runUi.getState().set({ open: true });
          // The panel renders its form on the next frame; then the message box takes the focus.
          requestAnimationFrame(() =>
            document.querySelector<HTMLTextAreaElement>('[aria-label="Opening message"]')?.focus(),
          );
        }}
      >
        ▶ Run
      </button>
      <span
        className={`toolbar__status ${errors ? 'toolbar__status--error' : ''}`}
        role="status"
        title={`${agents} agents · ${handoffs} handoffs · ${errors ? `${errors} error(s)` : 'valid'}`}
      >
        {agents} agents · {handoffs} handoffs ·{' '}
        {errors ? `${errors} error${errors > 1 ? 's' : ''}` : 'valid'}
      </span>
      <button
        type="button"
        onClick={() => app.ui.getState().set({ theme: NEXT_THEME[theme] })}
        aria-label={`Theme: ${THEME_LABEL[theme]} (switch)`}
        title="Theme: system, light or dark (T)"
      >
        ◐<span className="toolbar__label"> {THEME_LABEL[theme]}</span>
      </button>
      <button
        type="button"
        onClick={() => app.ui.getState().set({ shortcutsOpen: true })}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </header>
  );
}
