import { useState } from 'react';
import { Field } from '../inspector/fields';

interface Props {
  label: string;
  value: Record<string, unknown> | undefined;
  /** Applies a parsed object (undefined when the field is emptied). */
  commit(value: Record<string, unknown> | undefined): void;
}

/**
 * A JSON object typed as text, applied when it parses to an object (on leaving the field or
 * Ctrl/⌘ Enter). The text is data: it is parsed, never evaluated.
 */
export function JsonObjectField({ label, value, commit }: Props) {
  const shown = value === undefined ? '' : JSON.stringify(value);
  const [draft, setDraft] = useState<{ base: string; text: string }>();
  const [error, setError] = useState<string>();
  const text = draft && draft.base === shown ? draft.text : shown;
  const apply = () => {
    if (text === shown) return;
    if (text.trim() === '') {
      setError(undefined);
      setDraft(undefined);
      commit(undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setError('Not valid JSON: write an object such as {"order_number": "123"}.');
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setError('Write a JSON object, such as {"order_number": "123"}.');
      return;
    }
    setError(undefined);
    setDraft(undefined);
    commit(parsed as Record<string, unknown>);
  };
  return (
    <Field
      label={label}
      hint={error ? <span role="alert">{error}</span> : 'A subset of the arguments (JSON).'}
    >
      {(id, hintId) => (
        <input
          id={id}
          className="tests-json"
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          spellCheck={false}
          value={text}
          placeholder='{"order_number": "123"}'
          onChange={(e) => setDraft({ base: shown, text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
          onBlur={apply}
        />
      )}
    </Field>
  );
}
