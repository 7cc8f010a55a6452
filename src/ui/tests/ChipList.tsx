import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  /** The chosen values, in order. */
  values: readonly string[];
  /** What may be added (values already chosen are left out). */
  options: readonly string[];
  onChange(values: string[]): void;
  hint?: ReactNode;
  /** Same value more than once (decisions in order) or not (a set of agents). */
  repeat?: boolean;
}

/** A list of chosen names (each removable) and a picker that adds one: agents, decisions. */
export function ChipList({ label, values, options, onChange, hint, repeat }: Props) {
  const id = useId();
  const available = repeat ? options : options.filter((o) => !values.includes(o));
  return (
    <div className="field tests-chips" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="tests-chips__label">
        {label}
      </span>
      <ul className="tests-chips__list">
        {values.map((value, index) => (
          <li key={`${value}:${index}`} className="tests-chip">
            {value}
            <button
              type="button"
              aria-label={`Remove ${value} from ${label}`}
              title="Remove"
              onClick={() => onChange(values.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </li>
        ))}
        <li>
          <select
            aria-label={`Add to ${label}`}
            value=""
            disabled={available.length === 0}
            onChange={(e) => {
              if (e.target.value !== '') onChange([...values, e.target.value]);
            }}
          >
            <option value="">+ Add…</option>
            {available.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </li>
      </ul>
      {hint && <div className="field__hint">{hint}</div>}
    </div>
  );
}
