import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { matchAgents, type AgentOption } from './matchAgents';
import './find.css';

interface Props {
  /** The dialog's title (its accessible name). */
  title: string;
  /** The search field's label. */
  label: string;
  agents: readonly AgentOption[];
  /** Said in the list when no agent matches. */
  empty: string;
  /** A screen point to open beside (kept inside the viewport); centred near the top without. */
  anchor?: { x: number; y: number } | undefined;
  onPick(name: string): void;
  onClose(): void;
}

/** Keeps `margin` pixels between the dialog and the viewport's edges. */
const MARGIN = 8;

/**
 * A modal dialog with a search field (a combobox) over a list of agents (a listbox) that
 * filters as one types: ↑/↓ move, Enter picks, Escape closes. Mount it to open it. It lives in
 * the browser's top layer (always on top) and is kept inside the viewport.
 */
export function AgentPicker({ title, label, agents, empty, anchor, onPick, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = matchAgents(agents, query);
  const current = Math.min(active, matches.length - 1);
  const chosen = current >= 0 ? matches[current] : undefined;
  const optionId = (i: number) => `${ids}-option-${i}`;

  // Opened before it is measured (a closed dialog has no size), then placed beside the anchor
  // but never outside the viewport.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    if (anchor) {
      const { width, height } = dialog.getBoundingClientRect();
      const x = Math.min(anchor.x, window.innerWidth - width - MARGIN);
      const y = Math.min(anchor.y, window.innerHeight - height - MARGIN);
      dialog.style.left = `${Math.max(MARGIN, x)}px`;
      dialog.style.top = `${Math.max(MARGIN, y)}px`;
    }
    return () => dialog.close();
  }, [anchor]);

  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const move = (by: number) => {
    if (matches.length === 0) return;
    setActive((current + by + matches.length) % matches.length);
  };

  return createPortal(
    <dialog
      ref={ref}
      className={`agent-picker${anchor ? ' agent-picker--anchored' : ''}`}
      aria-labelledby={`${ids}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      // Keys typed here never reach the designer's shortcuts or the run timeline.
      onKeyDown={(e) => e.stopPropagation()}
      onPaste={(e) => e.stopPropagation()}
      onCopy={(e) => e.stopPropagation()}
      onCut={(e) => e.stopPropagation()}
    >
      <h2 id={`${ids}-title`} className="agent-picker__title">
        {title}
      </h2>
      <input
        className="agent-picker__input"
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={`${ids}-list`}
        aria-autocomplete="list"
        aria-activedescendant={chosen ? optionId(current) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        placeholder="Type a name or a description"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            move(e.key === 'ArrowDown' ? 1 : -1);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (chosen) onPick(chosen.name);
          }
        }}
      />
      <ul id={`${ids}-list`} role="listbox" aria-label="Agents" className="agent-picker__list">
        {matches.map((agent, i) => (
          <li
            key={agent.name}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className="agent-picker__option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(agent.name)}
          >
            <span className="agent-picker__name">{agent.name}</span>
            {agent.description && (
              <span className="agent-picker__description">{agent.description}</span>
            )}
          </li>
        ))}
      </ul>
      {matches.length === 0 && (
        <p className="agent-picker__empty" role="status">
          {empty}
        </p>
      )}
    </dialog>,
    document.body,
  );
}
