import type { ValidationIssue } from '../../model';

const ICON = { error: '✖', warning: '▲', info: 'i' } as const;

/** Every validation issue of the document, errors first. */
export function ProblemsPanel({ issues }: { issues: readonly ValidationIssue[] }) {
  return (
    <section className="problems" aria-label="Problems">
      <h2>Problems</h2>
      {issues.length === 0 ? (
        <p className="problems__empty">No problems found.</p>
      ) : (
        <ul>
          {issues.map((issue, i) => (
            <li key={i} className={`problem problem--${issue.severity}`}>
              <span className="problem__icon" aria-label={issue.severity}>
                {ICON[issue.severity]}
              </span>
              <div>
                <div className="problem__message">{issue.message}</div>
                <code className="problem__where">
                  {issue.code}
                  {issue.path && ` · ${issue.path}`}
                </code>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
