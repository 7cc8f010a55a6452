import { useEffect } from 'react';
import { uiStore, useUi } from '../uiStore';

/** The latest short message (refused edits, copy/paste, undo), announced politely. */
export function StatusMessage() {
  const message = useUi((s) => s.message);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => {
      if (uiStore.getState().message === message) uiStore.getState().set({ message: undefined });
    }, 4000);
    return () => clearTimeout(timer);
  }, [message]);
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
