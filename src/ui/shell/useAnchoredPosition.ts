import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';

/** Distance kept between a floating element and the edges of the window, in px. */
const MARGIN = 8;
const GAP = 4;

/**
 * Where a floating element (a menu rendered into `<body>`) goes next to its anchor: below it,
 * flipped above when there is more room there, shifted sideways to stay in the window, and
 * given a max height (it then scrolls) when the window is too short for it. Follows resizes.
 */
export function useAnchoredPosition(
  anchor: RefObject<HTMLElement | null>,
  floating: RefObject<HTMLElement | null>,
  open: boolean,
): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>({ position: 'fixed', visibility: 'hidden' });
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const a = anchor.current?.getBoundingClientRect();
      const f = floating.current;
      if (!a || !f) return;
      const width = f.offsetWidth;
      const height = f.scrollHeight;
      const below = window.innerHeight - a.bottom - GAP - MARGIN;
      const above = a.top - GAP - MARGIN;
      const flip = height > below && above > below;
      const room = flip ? above : below;
      const shown = Math.min(height, room);
      const left = Math.max(MARGIN, Math.min(a.left, window.innerWidth - width - MARGIN));
      setStyle({
        position: 'fixed',
        left,
        top: flip ? a.top - GAP - shown : a.bottom + GAP,
        maxHeight: room,
        overflowY: height > room ? 'auto' : undefined,
      });
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [anchor, floating, open]);
  return style;
}
