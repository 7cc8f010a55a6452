import { useEffect, useRef } from 'react';
import { useApp } from '../../app/appContext';
import { END, UNKNOWN } from '../../testing/testView';
import { openSample } from './CaseResult';
import { useTestViewVersion } from './useTestView';
import { useSuite } from './useSuite';

const label = (name: string) =>
  name === END ? 'ends here' : name === UNKNOWN ? 'not stated' : name;

/**
 * The routing table of one source agent in the test view: for each next agent the cases
 * expected, where the samples actually went, with counts; and the failed samples that passed
 * through it, each one click from the timeline.
 */
export function RoutingTable({ agent }: { agent: string }) {
  const app = useApp();
  const view = useTestViewVersion();
  const samples = useSuite((s) => s.shown?.result.samples);
  const ref = useRef<HTMLElement>(null);
  const on = view !== undefined;
  // Selecting an agent in the test view shows its table, wherever the inspector was scrolled.
  useEffect(() => {
    if (on) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [on, agent]);
  if (!view) return null;
  const table = view.table(agent);
  const rows = [...table].flatMap(([expected, actual]) =>
    [...actual].map(([to, count]) => ({ expected, to, count })),
  );
  const failed = (samples ?? []).filter((s) => !s.passed && s.path.includes(agent));
  return (
    <section ref={ref} className="routing-table" aria-label={`Routing table of ${agent}`}>
      <h3>Routing in the suite</h3>
      {rows.length === 0 ? (
        <p className="field__hint">No sample reached {agent}.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Expected next</th>
              <th scope="col">Actual next</th>
              <th scope="col">Samples</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={`${r.expected}\u0000${r.to}`}
                className={
                  r.expected === UNKNOWN
                    ? undefined
                    : r.expected === r.to
                      ? 'routing-table--ok'
                      : 'routing-table--wrong'
                }
              >
                <td>{label(r.expected)}</td>
                <td>{label(r.to)}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failed.length > 0 && (
        <ul className="tests-samples" aria-label={`Failed samples through ${agent}`}>
          {failed.slice(0, 10).map((s) => (
            <li key={s.runId}>
              <button type="button" onClick={() => openSample(app, s.runId)}>
                Open failed sample
              </button>{' '}
              <span className="tests-path">
                {s.caseId} #{s.sample + 1}: {s.path.join(' → ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
