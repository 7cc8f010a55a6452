/**
 * Where a key press lands, for the global shortcuts: in a text field (where keys type), in a
 * control that uses the arrow keys itself, or elsewhere (where the shortcuts act).
 */

/** Elements where keys type text. Monaco's focused element is a plain `div` in Chromium. */
const TEXT =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), .monaco-editor';

/** Controls that use the arrow keys themselves (besides text fields). */
const ARROWS = [
  '[role="listbox"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="tablist"]',
  '[role="radiogroup"]',
  '[role="grid"]',
  '[role="tree"]',
  '[role="slider"]',
  '[role="combobox"]',
  'dialog[open]',
  // a focused agent: arrows move the selected agents (React Flow)
  '.react-flow__node',
  '.react-flow__nodesselection',
].join(', ');

/** The elements an event passed through, innermost first (across shadow roots). */
function path(e: Event): Element[] {
  const nodes = typeof e.composedPath === 'function' ? e.composedPath() : [e.target];
  const elements = nodes.filter((n): n is Element => n instanceof Element);
  if (elements.length > 0) return elements;
  return document.activeElement ? [document.activeElement] : [];
}

function matches(e: Event, selector: string): Element | undefined {
  for (const el of path(e)) {
    if (el.matches(selector)) return el;
    if (el instanceof HTMLElement && el.isContentEditable) return el;
  }
  return undefined;
}

/**
 * True when the event comes from a text field: an input, textarea, select, contenteditable or
 * code editor (Monaco). `docField` says whether the field is bound to the document (its undo is
 * the designer's, see `data-doc-field`).
 */
export function typingIn(e: Event): { text: boolean; docField: boolean } {
  const field = matches(e, TEXT);
  if (!field) return { text: false, docField: false };
  const monaco = field.closest('.monaco-editor') !== null;
  return { text: true, docField: !monaco && field.closest('[data-doc-field]') !== null };
}

/** True when the event's target uses the arrow keys itself (text fields included). */
export function ownsArrowKeys(e: Event): boolean {
  return typingIn(e).text || matches(e, ARROWS) !== undefined;
}
