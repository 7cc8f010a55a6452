import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { Pickers } from '../find/Pickers';
import { JsonPane } from '../editor/JsonPane';
import { Inspector } from '../inspector/Inspector';
import { ConflictBanner } from '../library/ConflictBanner';
import { StorageBanner } from '../library/StorageBanner';
import { useLibraryStartup } from '../library/useLibraryStartup';
import { Palette } from '../palette/Palette';
import { useRunUi } from '../run/runContext';
import { RunPanel } from '../run/RunPanel';
import { TestsPanel } from '../tests/TestsPanel';
import { useTestsUi } from '../tests/useTestsUi';
import { usePaneWidth } from './paneSizes';
import { ProblemsPanel } from './ProblemsPanel';
import { ShortcutSheet } from './ShortcutSheet';
import { Splitter } from './Splitter';
import { StatusMessage } from './StatusMessage';
import { Toolbar } from './Toolbar';
import { useKeyboard } from './useKeyboard';
import { useRefitOnDock } from './useRefitOnDock';
import { useApplyTheme } from './useTheme';

/**
 * The designer: toolbar, palette, canvas, the inspector column (inspector and problems) and,
 * while the Run panel is open, a Run dock of its own on the right, so that designing and running
 * each keep a full-height column. The two columns are resized with splitters. Wiring only.
 */
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
  const runOpen = useRunUi((s) => s.open);
  // The Tests panel shares the Run dock's place: one folds the other (src/testing/testsUi.ts).
  const testsOpen = useTestsUi((s) => s.open);
  const docked = runOpen || testsOpen;
  const sidebarWidth = usePaneWidth('sidebar');
  const runWidth = usePaneWidth('run');
  useKeyboard();
  useRefitOnDock(docked);
  return (
    <div className="app">
      <Toolbar />
      <StorageBanner />
      <ConflictBanner />
      <main className={`workspace${docked ? ' workspace--running' : ''}`}>
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
        <Splitter pane="sidebar" label="Resize the inspector" />
        <div className="sidebar" style={{ flexBasis: sidebarWidth }}>
          <Inspector />
          <ProblemsPanel />
          {/* Folded, the Run panel is a title bar under the problems. */}
          {!runOpen && <RunPanel />}
          {!testsOpen && <TestsPanel />}
        </div>
        {docked && (
          <>
            <Splitter
              pane="run"
              label={testsOpen ? 'Resize the Tests panel' : 'Resize the Run panel'}
            />
            <div className="run-dock" style={{ flexBasis: runWidth }}>
              {testsOpen ? <TestsPanel /> : <RunPanel />}
            </div>
          </>
        )}
      </main>
      <ShortcutSheet />
      <Pickers />
    </div>
  );
}
