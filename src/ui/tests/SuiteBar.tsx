import { useState } from 'react';
import { useApp } from '../../app/appContext';
import { storedWorkflowId } from '../run/openRun';
import { ProviderSettingsForm } from '../run/ProviderSettingsForm';
import { useProviderSettings } from '../run/useProviderSettings';
import { useSuite } from './useSuite';
import { useTestsUi } from './useTestsUi';

const clampInt = (text: string, min: number, max: number, fallback: number) => {
  const n = Number(text);
  return Number.isInteger(n) ? Math.max(min, Math.min(max, n)) : fallback;
};

/**
 * Runs the suite with the Run panel's provider settings (the simulator by default; settable
 * here too): samples per
 * case and concurrency for a real provider, progress, Stop, the summary of the result shown and
 * how it compares with the suite before it, and the canvas test view's switch.
 */
export function SuiteBar({ cases }: { cases: number }) {
  const app = useApp();
  // The Run panel's settings (saved in this browser): the two panels never show at once.
  const { settings, loaded, update } = useProviderSettings();
  const running = useSuite((s) => s.running);
  const shown = useSuite((s) => s.shown);
  const comparison = useSuite((s) => s.comparison);
  const error = useSuite((s) => s.error);
  const testView = useTestsUi((s) => s.testView);
  const [samples, setSamples] = useState('5');
  const [concurrency, setConcurrency] = useState('2');
  const simulator = settings.kind === 'simulator';
  const start = async () => {
    const doc = app.designer.getState().doc;
    const id = await storedWorkflowId(app);
    await app.suites.start(
      doc,
      id,
      settings,
      simulator
        ? {}
        : {
            samples: clampInt(samples, 1, 1000, 5),
            concurrency: clampInt(concurrency, 1, 16, 2),
          },
    );
  };
  const result = shown?.result;
  const names = (ids: readonly string[]) =>
    ids.map((id) => result?.cases.find((c) => c.caseId === id)?.name ?? id).join(', ');
  const passed = result?.cases.filter((c) => c.ok).length ?? 0;
  const ran = result?.cases.filter((c) => c.total > 0).length ?? 0;
  return (
    <div className="tests-suite" role="group" aria-label="Suite">
      <ProviderSettingsForm settings={settings} onChange={update} />
      {simulator && (
        <p className="tests-suite__provider">
          The simulator is deterministic: one sample per case.
        </p>
      )}
      {!simulator && (
        <div className="field-row">
          <label className="tests-inline">
            Samples
            <input
              inputMode="numeric"
              value={samples}
              onChange={(e) => setSamples(e.target.value)}
              aria-label="Samples per case"
            />
          </label>
          <label className="tests-inline">
            At once
            <input
              inputMode="numeric"
              value={concurrency}
              onChange={(e) => setConcurrency(e.target.value)}
              aria-label="Samples at the same time"
            />
          </label>
        </div>
      )}
      <div className="tests-suite__actions">
        {running ? (
          <button type="button" className="danger" onClick={() => app.suites.stop()}>
            ■ Stop
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={!loaded || cases === 0}
            onClick={() => void start()}
          >
            ▶ Run suite
          </button>
        )}
        {result && (
          <button
            type="button"
            aria-pressed={testView}
            onClick={() => app.testsUi.getState().set({ testView: !testView })}
            title="Paint the canvas with what the suite did"
          >
            Canvas test view
          </button>
        )}
      </div>
      {result && testView && (
        <ul className="tests-legend" aria-label="Canvas test view legend">
          <li className="tests-legend--expected">taken as the cases expect</li>
          <li className="tests-legend--missed">expected, taken less often</li>
          <li className="tests-legend--unexpected">taken where a case avoids it</li>
          <li className="tests-legend--taken">taken, no case says</li>
        </ul>
      )}
      {running && (
        <div className="tests-progress">
          <progress
            max={Math.max(1, running.total)}
            value={running.done}
            aria-label="Suite progress"
          />
          <span role="status">
            {running.done} / {running.total || '…'} samples
          </span>
        </div>
      )}
      {error && (
        <p role="alert" className="run-error">
          {error}
          <button type="button" aria-label="Dismiss" onClick={() => app.suites.dismissError()}>
            ×
          </button>
        </p>
      )}
      {shown && !running && (
        <p className="tests-summary" role="status">
          <span
            className={`tests-badge tests-badge--${shown.status === 'finished' ? (passed === ran ? 'ok' : 'failed') : 'interrupted'}`}
          >
            {shown.status === 'interrupted'
              ? 'interrupted'
              : shown.status === 'stopped'
                ? 'stopped'
                : passed === ran
                  ? '✓'
                  : '✗'}
          </span>{' '}
          {passed} of {ran} case{ran === 1 ? '' : 's'} passed · {result!.samples.length} sample
          {result!.samples.length === 1 ? '' : 's'} · {result!.provider}
          {shown.status === 'interrupted' && (
            <>
              {' '}
              — a reload cut it off; the samples that finished are kept.{' '}
              <button type="button" onClick={() => void start()}>
                Run again
              </button>
            </>
          )}
        </p>
      )}
      {comparison && !running && (comparison.better.length > 0 || comparison.worse.length > 0) && (
        <p className="tests-compare">
          Since the last suite
          {comparison.workflowChanged ? ' (of another version)' : ''}:{' '}
          {comparison.better.length > 0 && (
            <span className="tests-better" title={names(comparison.better)}>
              {comparison.better.length} better ({names(comparison.better)})
            </span>
          )}
          {comparison.better.length > 0 && comparison.worse.length > 0 && ', '}
          {comparison.worse.length > 0 && (
            <span className="tests-worse" title={names(comparison.worse)}>
              {comparison.worse.length} worse ({names(comparison.worse)})
            </span>
          )}
        </p>
      )}
    </div>
  );
}
