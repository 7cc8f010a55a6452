import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { parseWorkflowText, validateWorkflow } from '../../model';
import { Dialog } from './Dialog';
import { importFile, type ImportSource } from './filesStore';
import { useApp } from '../../app/appContext';

/**
 * Import: the text of a picked, dropped or pasted file, checked as it is shown. Every problem
 * is listed with its path. Nothing changes until the user chooses: a new workflow in the
 * library, or the open workflow replaced (one undo step). The text is data: only parsed.
 */
export function ImportDialog({ source }: { source: ImportSource }) {
  const app = useApp();
  const store = app.designer;
  const [text, setText] = useState(source.text);
  const [origin, setOrigin] = useState(source.origin);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const deferred = useDeferredValue(text);
  const result = useMemo(
    () => (deferred.trim() ? parseWorkflowText(deferred) : undefined),
    [deferred],
  );
  const issues = useMemo(() => (result?.ok ? validateWorkflow(result.doc) : []), [result]);
  const close = () => app.files.getState().set({ importing: undefined });
  const doc = result?.ok && deferred === text ? result.doc : undefined;

  const asNew = async () => {
    if (!doc) return;
    setBusy(true);
    const ok = await app.session.openAsNew(doc);
    setBusy(false);
    if (ok) {
      close();
      app.say(`Imported "${doc.name}" as a new workflow.`);
    }
  };
  const replace = () => {
    if (!doc) return;
    store.getState().replaceDocument(doc, 'Import');
    close();
    app.say(`Replaced the open workflow with "${doc.name}". Undo with Ctrl+Z.`);
  };

  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <Dialog
      title="Import a workflow"
      onClose={close}
      className="import-dialog"
      footer={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" onClick={replace} disabled={!doc || busy}>
            Replace the open workflow
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void asNew()}
            disabled={!doc || busy}
          >
            Import as a new workflow
          </button>
        </>
      }
    >
      <div className="import-dialog__source">
        <span>{origin ? `From ${origin}` : 'Paste the JSON of a workflow, or choose a file.'}</span>
        <button type="button" onClick={() => picker.current?.click()}>
          Choose a file…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Workflow file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            await importFile(app.files, file);
            const next = app.files.getState().importing;
            setText(next?.text ?? '');
            setOrigin(next?.origin);
          }}
        />
      </div>
      <label className="import-dialog__label" htmlFor="import-text">
        Workflow JSON
      </label>
      <textarea
        id="import-text"
        className="code import-dialog__text"
        value={text}
        spellCheck={false}
        rows={10}
        placeholder='{ "format": "handoff-workflow", "version": 1, … }'
        onChange={(e) => {
          setText(e.target.value);
          setOrigin(undefined);
        }}
      />
      {source.refused && !text && (
        <p className="import-dialog__refused" role="alert">
          {source.refused}
        </p>
      )}
      {result && !result.ok && (
        <div className="import-problems" role="alert" aria-label="Import problems">
          <p>
            <strong>
              This cannot be imported: {result.problems.length} problem
              {result.problems.length > 1 ? 's' : ''}.
            </strong>{' '}
            Your open workflow is unchanged.
          </p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path || '(document)'}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result?.ok && (
        <div className="import-summary" role="status">
          <p>
            <strong className="import-summary__name">{result.doc.name}</strong> ·{' '}
            {result.doc.agents.length} agents · {result.doc.handoffs.length} handoffs ·{' '}
            {result.doc.tools.length} tools
          </p>
          {result.doc.description && (
            <p className="import-summary__desc">{result.doc.description}</p>
          )}
          {issues.length > 0 ? (
            <details>
              <summary>
                {errors > 0 ? `${errors} error(s) and ` : ''}
                {issues.length - errors} other check(s) will show in Problems after the import.
              </summary>
              <ul>
                {issues.map((issue, i) => (
                  <li key={i}>
                    <code>{issue.path || '(document)'}</code> {issue.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <p className="import-summary__ok">✓ Passes every check.</p>
          )}
        </div>
      )}
    </Dialog>
  );
}
