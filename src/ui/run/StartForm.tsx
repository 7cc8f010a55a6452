import { useState } from 'react';

interface Props {
  disabled: boolean;
  /** Why Start is disabled, when another workflow's run holds the session. */
  busyNote?: string | undefined;
  /** A message to start with in one click (`sampleMessage` of the open workflow). */
  sample?: string | undefined;
  onStart(text: string): void;
}

/** The opening message and Start, and the workflow's sample message as a one-click start. */
export function StartForm({ disabled, busyNote, sample, onStart }: Props) {
  const [text, setText] = useState('');
  const start = () => {
    if (disabled || text.trim() === '') return;
    onStart(text);
    setText('');
  };
  return (
    <>
      <form
        className="start-form"
        aria-label="Start a run"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <textarea
          aria-label="Opening message"
          rows={2}
          value={text}
          disabled={disabled}
          placeholder={
            disabled
              ? (busyNote ?? 'A run is in progress.')
              : `Message to start a run, e.g. “${sample ?? 'Hello'}”`
          }
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              start();
            }
          }}
        />
        <button type="submit" className="primary" disabled={disabled || text.trim() === ''}>
          Start
        </button>
      </form>
      {sample && !disabled && (
        <p className="start-try">
          <button
            type="button"
            className="start-try__button"
            onClick={() => onStart(sample)}
            title="Start a run with this message"
          >
            Try: “{sample}”
          </button>
        </p>
      )}
    </>
  );
}
