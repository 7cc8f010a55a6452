import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { Pickers } from '../find/Pickers';
import { JsonPane } from '../editor/JsonPane';
import { Inspector } from '../inspector/Inspector';
import { ConflictBanner } from '../library/ConflictBanner';
import { StorageBanner } from '../library/StorageBanner';
import { useLibraryStartup } from '../library/useLibraryStartup';
import { Palette } from '../palette/Palette';
import { RunPanel } from '../run/RunPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { ShortcutSheet } from './ShortcutSheet';
import { StatusMessage } from './StatusMessage';
import { Toolbar } from './Toolbar';
import { useKeyboard } from './useKeyboard';
import { useApplyTheme } from './useTheme';

/** The designer: toolbar, palette, canvas, inspector and problems. Wiring only. */
export function App() {
  useApplyTheme();
  return (
    <ReactFlowProvider>
      <Designer />
    </ReactFlowProvider>
  );
}

function Designer() {
  const load = useLibraryStartup();
  useKeyboard();
  return (
    <div className="app">
      <Toolbar />
      <StorageBanner />
      <ConflictBanner />
      <main className="workspace">
        <Palette />
        <div className="canvas" aria-label="Canvas area">
          {load.status === 'loading' && <p className="canvas__message">Loading…</p>}
          {load.status === 'error' && (
            <div className="canvas__message" role="alert">
              The workflow could not be opened:
              <ul>
                {load.problems.map((p, i) => (
                  <li key={i}>{p.path ? `${p.path}: ${p.message}` : p.message}</li>
                ))}
              </ul>
            </div>
          )}
          {load.status === 'ready' && <Canvas />}
          <StatusMessage />
        </div>
        <JsonPane />
        <div className="sidebar">
          <Inspector />
          <ProblemsPanel />
          <RunPanel />
        </div>
      </main>
      <ShortcutSheet />
      <Pickers />
    </div>
  );
}
