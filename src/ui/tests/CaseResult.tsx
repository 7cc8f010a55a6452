import type { CaseSummary, RateInterval, SampleResult } from '../../routing/types';
import { useApp } from '../../app/appContext';
import type { App } from '../../app';
import { useSuite } from './useSuite';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** "3/4 · 75 % (30–95 %)": a pass rate with its 95 % interval when there are several samples. */
export function rateText(r: RateInterval): string {
  if (r.total <= 1) return `${r.passed}/${r.total}`;
  return `${r.passed}/${r.total} · ${pct(r.rate)} (${Math.round(r.low * 100)}–${pct(r.high)})`;
}

/** The summary of case `caseId` in the result shown, if it ran. */
export function useCaseSummary(caseId: string): CaseSummary | undefined {
  return useSuite((s) => s.shown?.result.cases.find((c) => c.caseId === caseId && c.total > 0));
}

/** A case's latest result in the list: passed or failed, and the rate. */
export function CaseBadge({ caseId }: { caseId: string }) {
  const summary = useCaseSummary(caseId);
  if (!summary) return null;
  return (
    <span
      className={`tests-badge tests-badge--${summary.ok ? 'ok' : 'failed'}`}
      title={summary.firstFailure ? `First failure: ${summary.firstFailure.label}` : undefined}
    >
      {summary.ok ? '✓' : '✗'} {rateText(summary)}
    </span>
  );
}

/** Opens a sample's run on the timeline: the Run panel takes the dock, the test view goes. */
export function openSample(app: App, runId: string): void {
  app.testsUi.getState().set({ testView: false });
  app.runUi.getState().set({ open: true, cursor: null });
  void app.runs.open(runId);
}

/** A case's result in its form: each expectation's rate, and its failed samples to open. */
export function CaseResult({ caseId }: { caseId: string }) {
  const app = useApp();
  const summary = useCaseSummary(caseId);
  const samples = useSuite((s) => s.shown?.result.samples);
  if (!summary) return null;
  const failed = (samples ?? []).filter((s) => s.caseId === caseId && !s.passed);
  return (
    <section className="tests-result" aria-label="Latest result">
      <p>
        <span className={`tests-badge tests-badge--${summary.ok ? 'ok' : 'failed'}`}>
          {summary.ok ? '✓ passed' : '✗ failed'}
        </span>{' '}
        {rateText(summary)} · needs {pct(summary.requiredRate)}
      </p>
      <ul className="tests-expectations">
        {summary.expectations.map((e) => (
          <li key={e.key} className={e.passed === e.total ? 'tests-pass' : 'tests-fail'}>
            {e.passed === e.total ? '✓' : '✗'} {e.label} <small>{rateText(e)}</small>
          </li>
        ))}
      </ul>
      {failed.length > 0 && (
        <ul className="tests-samples" aria-label="Failed samples">
          {failed.slice(0, 20).map((s) => (
            <FailedSample key={s.runId} sample={s} onOpen={() => openSample(app, s.runId)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FailedSample({ sample, onOpen }: { sample: SampleResult; onOpen: () => void }) {
  const failure = sample.expectations.find((e) => !e.passed);
  return (
    <li>
      <button type="button" onClick={onOpen} title="Open this run on the timeline">
        Open sample {sample.sample + 1}
      </button>{' '}
      <span className="tests-fail">
        {failure
          ? `${failure.label}${failure.detail ? `: ${failure.detail}` : ''}`
          : sample.outcome}
      </span>
      <div className="tests-path">{sample.path.join(' → ')}</div>
    </li>
  );
}
