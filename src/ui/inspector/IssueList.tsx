import type { ValidationIssue } from '../../model';

const ICON = { error: '✖', warning: '▲', info: 'i' } as const;

/** The problems of the object shown in the inspector. */
export function IssueList({ issues }: { issues: readonly ValidationIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="inspector__issues" aria-label="Problems here">
      {issues.map((issue, i) => (
        <li key={i} className={`problem problem--${issue.severity}`}>
          <span className="problem__icon" aria-label={issue.severity}>
            {ICON[issue.severity]}
          </span>
          <span>{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}
