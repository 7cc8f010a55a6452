import { useState } from 'react';
import type { WorkflowSummary } from '../../storage/workflows';
import { useApp } from '../../app/appContext';
import { formatWhen } from './when';

interface Props {
  item: WorkflowSummary;
  current: boolean;
  onOpened(): void;
}

/** One stored workflow: its name (click to open), last change, and what can be done with it. */
export function WorkflowItem({ item, current, onOpened }: Props) {
  const { session } = useApp();
  const [renaming, setRenaming] = useState(false);
  const commit = (value: string) => {
    setRenaming(false);
    if (value.trim() && value.trim() !== item.name) void session.renameWorkflow(item.id, value);
  };
  return (
    <li
      className={`wf-item ${current ? 'wf-item--current' : ''}`}
      aria-label={`Workflow ${item.name}`}
    >
      <div className="wf-item__main">
        {renaming ? (
          <input
            className="wf-item__rename"
            defaultValue={item.name}
            aria-label={`New name for ${item.name}`}
            maxLength={200}
            autoFocus
            onFocus={(e) => e.target.select()}
            onBlur={(e) => commit(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit(e.currentTarget.value);
              if (e.key === 'Escape') {
                e.preventDefault();
                setRenaming(false);
              }
            }}
          />
        ) : (
          <button
            type="button"
            className="wf-item__open"
            title={current ? 'This workflow is open' : `Open ${item.name}`}
            onClick={async () => {
              if (await session.openWorkflow(item.id)) onOpened();
            }}
          >
            {item.name}
          </button>
        )}
        <span className="wf-item__meta">
          {current && <span className="wf-item__badge">open</span>}
          <time dateTime={item.updatedAt} title={new Date(item.updatedAt).toLocaleString()}>
            changed {formatWhen(item.updatedAt)}
          </time>
        </span>
      </div>
      <div className="wf-item__actions">
        <button type="button" onClick={() => setRenaming(true)} aria-label={`Rename ${item.name}`}>
          Rename
        </button>
        <button
          type="button"
          onClick={() => void session.duplicateWorkflow(item.id)}
          aria-label={`Duplicate ${item.name}`}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => void session.deleteWorkflow(item.id)}
          aria-label={`Delete ${item.name}`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
