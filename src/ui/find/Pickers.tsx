import { FindAgent } from './FindAgent';
import { HandoffPicker } from './HandoffPicker';

/** The keyboard's agent pickers: find (Ctrl/⌘ K, `/`) and "hand off to…" (`H`). */
export function Pickers() {
  return (
    <>
      <FindAgent />
      <HandoffPicker />
    </>
  );
}
