import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useApp } from '../../app/appContext';
import { PANE_LIMITS, usePaneWidth, type PaneId } from './paneSizes';

const STEP = 16;
const BIG_STEP = 64;

interface Props {
  /** The pane on the splitter's right, whose width it sets. */
  pane: PaneId;
  label: string;
}

/**
 * A vertical splitter (WAI-ARIA window splitter): drag it, or focus it and use ←/→ (Shift for
 * bigger steps), Home and End. It sets the width of the pane on its right; the canvas takes
 * what is left.
 */
export function Splitter({ pane, label }: Props) {
  const { panes } = useApp();
  const width = usePaneWidth(pane);
  const drag = useRef<{ x: number; width: number } | undefined>(undefined);
  const { min, max } = PANE_LIMITS[pane];
  const resize = (w: number) => panes.getState().resize(pane, w);

  const onKeyDown = (e: KeyboardEvent) => {
    // Arrows here must not also move the selected agents on the canvas.
    e.stopPropagation();
    const step = e.shiftKey ? BIG_STEP : STEP;
    if (e.key === 'ArrowLeft') resize(width + step);
    else if (e.key === 'ArrowRight') resize(width - step);
    else if (e.key === 'Home') resize(max);
    else if (e.key === 'End') resize(min);
    else return;
    e.preventDefault();
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (drag.current) resize(drag.current.width + drag.current.x - e.clientX);
  };
  const end = () => {
    drag.current = undefined;
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      title={`${label} (drag, or ←/→)`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
    />
  );
}
