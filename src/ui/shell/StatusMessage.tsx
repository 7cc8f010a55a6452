import { useEffect } from 'react';
import { useUi } from '../uiStore';
import { useApp } from '../../app/appContext';

/** The latest short message (refused edits, copy/paste, undo), announced politely. */
export function StatusMessage() {
  const app = useApp();
  const message = useUi((s) => s.message);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => {
      if (app.ui.getState().message === message) app.ui.getState().set({ message: undefined });
    }, 4000);
    return () => clearTimeout(timer);
  }, [app, message]);
  return (
    <div className="status-message" role="status" aria-live="polite">
      {message && (
        <span className={`status-message__text status-message__text--${message.tone}`}>
          {message.text}
        </span>
      )}
    </div>
  );
}
