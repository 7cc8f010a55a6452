import { useReactFlow } from '@xyflow/react';
import { Component, lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { JsonPaneHeader } from './ViewSwitch';
import { useViewMode } from './viewStore';
import './editor.css';
import { fitCanvas } from '../canvas/fitCanvas';

// Monaco loads only when the JSON view is first shown: the canvas never waits for it.
const JsonEditor = lazy(() => import('./JsonEditor'));

/** Shows a failed load of the editor's chunk (offline after an update) instead of a blank pane. */
class LoadBoundary extends Component<{ children: ReactNode }, { error?: string }> {
  override state: { error?: string } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <p className="json-pane__loading" role="alert">
        The JSON editor could not be loaded ({this.state.error}). Reload the page to try again.
      </p>
    );
  }
}

/** The JSON view beside (or instead of) the canvas; nothing while only the canvas is shown. */
export function JsonPane() {
  const mode = useViewMode();
  const flow = useReactFlow();
  const shown = useRef(mode);
  useEffect(() => {
    const before = shown.current;
    shown.current = mode;
    if (mode === before || mode === 'json') return;
    // The canvas just got narrower or wider: keep every agent in view.
    const frame = requestAnimationFrame(() => fitCanvas(flow, { duration: 200 }));
    return () => cancelAnimationFrame(frame);
  }, [mode, flow]);
  if (mode === 'canvas') return null;
  return (
    <section className={`json-pane json-pane--${mode}`} aria-label="JSON view">
      <JsonPaneHeader />
      <LoadBoundary>
        <Suspense fallback={<p className="json-pane__loading">Loading the JSON editor…</p>}>
          <JsonEditor />
        </Suspense>
      </LoadBoundary>
    </section>
  );
}
