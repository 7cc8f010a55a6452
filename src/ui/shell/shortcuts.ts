/** The designer's keyboard shortcuts: one table, read by the handler and by the sheet (`?`). */
export interface Shortcut {
  keys: string;
  action: string;
}

export const SHORTCUTS: ReadonlyArray<{ group: string; items: readonly Shortcut[] }> = [
  {
    group: 'Edit',
    items: [
      { keys: 'Ctrl/⌘ Z', action: 'Undo' },
      { keys: 'Shift Ctrl/⌘ Z  ·  Ctrl Y', action: 'Redo' },
      { keys: 'Ctrl/⌘ C  ·  X  ·  V', action: 'Copy, cut, paste agents (works between tabs)' },
      { keys: 'Ctrl/⌘ D', action: 'Duplicate the selected agents' },
      { keys: 'Delete  ·  Backspace', action: 'Delete the selection' },
      { keys: 'F2  ·  double-click a name', action: 'Rename the selected agent in place' },
      { keys: 'Enter on an edge  ·  double-click a label', action: 'Edit a handoff label' },
      { keys: 'N', action: 'Add a blank agent at a free spot in the view' },
      {
        keys: 'H',
        action: 'Hand off to…: draw a handoff from the selected agent (type, ↑ ↓, Enter)',
      },
    ],
  },
  {
    group: 'Select and move',
    items: [
      { keys: 'Click  ·  Shift click', action: 'Select  ·  add to the selection' },
      { keys: 'Shift drag', action: 'Box select' },
      { keys: 'Ctrl/⌘ K  ·  /', action: 'Find an agent by name or description, and jump to it' },
      { keys: 'Ctrl/⌘ A', action: 'Select everything' },
      { keys: 'Tab  ·  Shift Tab', action: 'Move focus between agents, handoffs and panels' },
      { keys: 'Enter  ·  Space', action: 'Select the focused agent or handoff' },
      { keys: 'Arrow keys on an agent', action: 'Move the selected agents' },
      { keys: 'Escape', action: 'Clear the selection, close dialogs' },
    ],
  },
  {
    group: 'Run',
    items: [
      {
        keys: '←  ·  →',
        action: 'Step the shown run back · forward (unless an agent or a field has focus)',
      },
      { keys: 'Home  ·  End', action: 'Go to the first event · the latest' },
    ],
  },
  {
    group: 'View',
    items: [
      { keys: 'L  ·  Shift L', action: 'Auto-layout left to right  ·  top to bottom' },
      { keys: 'F', action: 'Fit the view' },
      { keys: '+  ·  −', action: 'Zoom in  ·  out' },
      { keys: 'G', action: 'Snap to grid on/off' },
      { keys: 'T', action: 'Switch theme' },
      { keys: '?', action: 'This sheet' },
    ],
  },
];
