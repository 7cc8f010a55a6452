import { lazy, Suspense } from 'react';
import { JsonPaneHeader } from './ViewSwitch';
import { useViewMode } from './viewStore';
import './editor.css';

// Monaco loads only when the JSON view is first shown: the canvas never waits for it.
const JsonEditor = lazy(() => import('./JsonEditor'));

/** The JSON view beside (or instead of) the canvas; nothing while only the canvas is shown. */
export function JsonPane() {
  const mode = useViewMode();
  if (mode === 'canvas') return null;
  return (
    <section className={`json-pane json-pane--${mode}`} aria-label="JSON view">
      <JsonPaneHeader />
      <Suspense fallback={<p className="json-pane__loading">Loading the JSON editor…</p>}>
        <JsonEditor />
      </Suspense>
    </section>
  );
}
