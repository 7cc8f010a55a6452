import type { ReactNode } from 'react';
import type { ValidationIssue } from '../../model/issues';

/** A field's hint, or its validation problems (shown where the field is). */
export function issueHint(issues: readonly ValidationIssue[], hint?: ReactNode): ReactNode {
  if (issues.length === 0) return hint;
  return (
    <span className="tests-issue" data-testid="case-issue">
      {issues.map((i) => (
        <span key={`${i.code}:${i.path}:${i.message}`} className={`tests-issue--${i.severity}`}>
          {i.message}
        </span>
      ))}
    </span>
  );
}
