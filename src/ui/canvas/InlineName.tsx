import { useState } from 'react';
import { isDuplicateName, renameAgentById } from '../../store/byId';
import { useDesignerStore } from '../../store/hooks';
import { useApp } from '../../app/appContext';

/**
 * An agent's name on its node. Double-click (or F2 on a selected agent) edits it in place; Enter
 * renames (every edge and setting follows, unless the name is duplicated: see `renameAgentById`),
 * Escape cancels. A refused name keeps the editor open and says why.
 */
export function InlineName({ id, name, editing }: { id: string; name: string; editing: boolean }) {
  const app = useApp();
  if (!editing) {
    return (
      <span
        className="agent-node__name"
        title="Double-click to rename"
        onDoubleClick={(e) => {
          e.stopPropagation();
          app.ui.getState().set({ renaming: id });
        }}
      >
        {name}
      </span>
    );
  }
  return <NameEditor id={id} name={name} />;
}

function NameEditor({ id, name }: { id: string; name: string }) {
  const app = useApp();
  const store = useDesignerStore();
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string>();
  const stop = () => app.ui.getState().set({ renaming: undefined });
  const commit = () => {
    const to = value.trim();
    const duplicate = isDuplicateName(store.getState().doc, name);
    const result = store.getState().apply(renameAgentById(id, to), {
      label: `Rename ${name}`,
      select: { agents: [id], edges: [] },
    });
    if (result.ok) {
      stop();
      if (duplicate && to !== name) sayDuplicateRename(app.say, name, to);
    } else setError(result.error.message);
    return result;
  };
  return (
    <span className="agent-node__rename nodrag nopan">
      <input
        aria-label={`New name for ${name}`}
        aria-invalid={error ? true : undefined}
        className="agent-node__name-input"
        value={value}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setValue(e.target.value);
          setError(undefined);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') stop();
        }}
        onBlur={() => {
          if (value.trim() === name) return stop();
          const result = commit();
          // Leaving the field never leaves a half-done rename behind: say why and restore.
          if (!result.ok) {
            stop();
            app.say(result.error.message, 'error');
          }
        }}
      />
      {error && (
        <span className="agent-node__rename-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** Says what a rename of one of two agents with the same name did (see `renameAgentById`). */
export function sayDuplicateRename(say: (text: string) => void, from: string, to: string): void {
  say(
    `Renamed one "${from}" to "${to}". Another agent is still called "${from}": handoffs and settings naming "${from}" stay with it.`,
  );
}
