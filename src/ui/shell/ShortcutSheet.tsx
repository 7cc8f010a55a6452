import { useEffect, useRef } from 'react';
import { useUi } from '../uiStore';
import { SHORTCUTS } from './shortcuts';
import { useApp } from '../../app/appContext';

/** The keyboard-shortcut sheet (`?`), a modal dialog. */
export function ShortcutSheet() {
  const app = useApp();
  const open = useUi((s) => s.shortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={() => app.ui.getState().set({ shortcutsOpen: false })}
      onClick={(e) => {
        if (e.target === e.currentTarget) app.ui.getState().set({ shortcutsOpen: false });
      }}
    >
      <header>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button
          type="button"
          onClick={() => app.ui.getState().set({ shortcutsOpen: false })}
          aria-label="Close"
        >
          ✕
        </button>
      </header>
      <div className="shortcuts__groups">
        {SHORTCUTS.map((group, g) => (
          <section key={group.group} aria-labelledby={`shortcuts-group-${g}`}>
            <h3 id={`shortcuts-group-${g}`}>{group.group}</h3>
            <dl>
              {group.items.map((s) => (
                <div key={s.action} className="shortcuts__row">
                  <dt>
                    <kbd>{s.keys}</kbd>
                  </dt>
                  <dd>{s.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
