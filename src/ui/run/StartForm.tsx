import { useState } from 'react';

interface Props {
  disabled: boolean;
  onStart(text: string): void;
}

/** The opening message and Start. */
export function StartForm({ disabled, onStart }: Props) {
  const [text, setText] = useState('');
  const start = () => {
    if (disabled || text.trim() === '') return;
    onStart(text);
    setText('');
  };
  return (
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
            ? 'A run is in progress.'
            : 'Message to start a run, e.g. “I want a refund for order 123”'
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
  );
}
