/**
 * Form fields bound to the document. Typing goes straight to the store: a burst of typing in one
 * field is one undo step (a coalescing key per field; leaving the field or a pause ends it).
 */
import { useId, useState, type ReactNode } from 'react';
import type { Operation } from '../../store';
import { useDesignerStore } from '../../store/hooks';

const BURST_MS = 1500;

interface FieldProps {
  label: string;
  hint?: ReactNode;
  children: (id: string, hintId: string | undefined) => ReactNode;
}

/** A label, a control and an optional hint, wired for screen readers. */
export function Field({ label, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      )}
    </div>
  );
}

interface TextProps {
  label: string;
  value: string;
  /** The operation for a new value. */
  op: (value: string) => Operation;
  /** Coalescing key: one per field of one object. */
  field: string;
  undoLabel: string;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  hint?: ReactNode;
  /** The id of a `<datalist>` of suggestions (single-line fields). */
  list?: string;
}

/** A text input or textarea whose every keystroke edits the document. */
export function DocText({
  label,
  value,
  op,
  field,
  undoLabel,
  multiline,
  rows,
  placeholder,
  hint,
  list,
}: TextProps) {
  const store = useDesignerStore();
  const onChange = (text: string) =>
    store.getState().apply(op(text), { label: undoLabel, coalesce: field, burstMs: BURST_MS });
  const onBlur = () => store.getState().breakCoalescing();
  return (
    <Field label={label} hint={hint}>
      {(id, hintId) =>
        multiline ? (
          <textarea
            id={id}
            data-doc-field
            aria-describedby={hintId}
            rows={rows ?? 4}
            value={value}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        ) : (
          <input
            id={id}
            data-doc-field
            aria-describedby={hintId}
            value={value}
            placeholder={placeholder}
            list={list}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        )
      }
    </Field>
  );
}

interface CommitProps {
  label: string;
  value: string;
  /** Applies the new value; returns an error message when refused. */
  commit: (value: string) => string | undefined;
  hint?: ReactNode;
}

/**
 * A field applied on Enter or when leaving it (names: every intermediate spelling would rename
 * every reference). A refused value stays in the field with the reason.
 */
export function CommitText({ label, value, commit, hint }: CommitProps) {
  const [draft, setDraft] = useState<{ base: string; text: string } | undefined>();
  const [error, setError] = useState<string>();
  // A draft typed against an older value is dropped when the value changes (undo, rename).
  const text = draft && draft.base === value ? draft.text : value;
  const apply = () => {
    if (text === value) return;
    const problem = commit(text.trim());
    setError(problem);
    if (!problem) setDraft(undefined);
  };
  return (
    <Field label={label} hint={error ? <span role="alert">{error}</span> : hint}>
      {(id, hintId) => (
        <input
          id={id}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          value={text}
          onChange={(e) => {
            setDraft({ base: value, text: e.target.value });
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            if (e.key === 'Escape') {
              setDraft(undefined);
              setError(undefined);
            }
          }}
          onBlur={apply}
        />
      )}
    </Field>
  );
}

interface NumberProps {
  label: string;
  value: number | undefined;
  op: (value: number | undefined) => Operation;
  field: string;
  undoLabel: string;
  placeholder?: string;
  hint?: ReactNode;
  min?: number;
  /** Decimal numbers allowed (default: whole numbers only). */
  decimal?: boolean;
}

/** An optional number: empty removes the setting; text that is not a number is not applied. */
export function DocNumber({
  label,
  value,
  op,
  field,
  undoLabel,
  placeholder,
  hint,
  min,
  decimal,
}: NumberProps) {
  const store = useDesignerStore();
  const [draft, setDraft] = useState<{ base: number | undefined; text: string }>();
  const [error, setError] = useState<string>();
  const text = draft && draft.base === value ? draft.text : (value?.toString() ?? '');
  const onChange = (raw: string) => {
    const trimmed = raw.trim();
    const number = trimmed === '' ? undefined : Number(trimmed);
    if (
      number !== undefined &&
      (!Number.isFinite(number) || (!decimal && !Number.isInteger(number)))
    ) {
      setDraft({ base: value, text: raw });
      setError(decimal ? 'Enter a number.' : 'Enter a whole number.');
      return;
    }
    setError(undefined);
    setDraft({ base: number, text: raw });
    store.getState().apply(op(number), { label: undoLabel, coalesce: field, burstMs: BURST_MS });
  };
  return (
    <Field label={label} hint={error ? <span role="alert">{error}</span> : hint}>
      {(id, hintId) => (
        <input
          id={id}
          data-doc-field
          inputMode={decimal ? 'decimal' : 'numeric'}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          value={text}
          min={min}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => store.getState().breakCoalescing()}
        />
      )}
    </Field>
  );
}

/** A checkbox that edits the document (one undo step per click). */
export function DocCheck({
  label,
  checked,
  op,
  undoLabel,
  hint,
}: {
  label: string;
  checked: boolean;
  op: (checked: boolean) => Operation;
  undoLabel: string;
  hint?: ReactNode;
}) {
  const store = useDesignerStore();
  const id = useId();
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => store.getState().apply(op(e.target.checked), { label: undoLabel })}
      />
      <label htmlFor={id}>{label}</label>
      {hint && <div className="field__hint">{hint}</div>}
    </div>
  );
}

/** A select that edits the document. */
export function DocSelect({
  label,
  value,
  options,
  op,
  undoLabel,
  hint,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  op: (value: string) => Operation;
  undoLabel: string;
  hint?: ReactNode;
}) {
  const store = useDesignerStore();
  return (
    <Field label={label} hint={hint}>
      {(id, hintId) => (
        <select
          id={id}
          aria-describedby={hintId}
          value={value}
          onChange={(e) => store.getState().apply(op(e.target.value), { label: undoLabel })}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
