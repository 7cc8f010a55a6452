import { useMemo, useState } from 'react';
import type { Workflow } from '../../model';
import {
  agentsTsLimitations,
  AGENTS_TS_VERSION,
  agentsPyLimitations,
  AGENTS_PY_VERSIONS,
  dotnetLimitations,
  exportWorkflow,
  planExport,
  pythonLimitations,
  PYTHON_AF_VERSIONS,
  type ExportTarget,
} from '../../model/export';
import { useDesigner } from '../../store/hooks';
import { Dialog } from './Dialog';
import { appSchemaUrl, copyText, downloadText, fileNameFor } from './download';
import { useApp } from '../../app/appContext';

interface Format {
  target: ExportTarget;
  tab: string;
  extension: string;
  mime: string;
  hint: string;
}

const FORMATS: readonly Format[] = [
  {
    target: 'json',
    tab: 'JSON',
    extension: 'json',
    mime: 'application/json',
    hint: 'The workflow document in canonical form: import it here again, or run it with the CLI.',
  },
  {
    target: 'mermaid',
    tab: 'Mermaid',
    extension: 'mmd',
    mime: 'text/plain',
    hint: 'A flowchart for Markdown (GitHub, GitLab, docs sites): paste it in a ```mermaid block.',
  },
  {
    target: 'python',
    tab: 'Python',
    extension: 'py',
    mime: 'text/x-python',
    hint: `Microsoft Agent Framework for Python (checked against ${PYTHON_AF_VERSIONS}). Set OPENAI_API_KEY to run it; no key is ever part of the export.`,
  },
  {
    target: 'dotnet',
    tab: '.NET',
    extension: 'cs',
    mime: 'text/plain',
    hint: 'Microsoft Agent Framework for .NET: a C# console program (top-level statements). The API key is read from the environment, never from the document.',
  },
  {
    target: 'agents-ts',
    tab: 'Agents SDK (TS)',
    extension: 'agents.ts',
    mime: 'text/plain',
    hint: `OpenAI Agents SDK for TypeScript (checked against ${AGENTS_TS_VERSION}): run it with npx tsx. Set OPENAI_API_KEY to run it; no key is ever part of the export.`,
  },
  {
    target: 'agents-py',
    tab: 'Agents SDK (Py)',
    extension: 'agents.py',
    mime: 'text/x-python',
    hint: `OpenAI Agents SDK for Python (checked against ${AGENTS_PY_VERSIONS}). Set OPENAI_API_KEY to run it; no key is ever part of the export.`,
  },
];

function notesFor(doc: Workflow, target: ExportTarget): string[] {
  if (target === 'python') return pythonLimitations(planExport(doc));
  if (target === 'dotnet') return dotnetLimitations(planExport(doc));
  if (target === 'agents-ts') return agentsTsLimitations(planExport(doc));
  if (target === 'agents-py') return agentsPyLimitations(planExport(doc));
  return [];
}

/** Export: the document as JSON, Mermaid, Agent Framework or Agents SDK code, to copy or download. */
export function ExportDialog() {
  const app = useApp();
  const doc = useDesigner((s) => s.doc);
  const [active, setActive] = useState<ExportTarget>('json');
  const format = FORMATS.find((f) => f.target === active) ?? FORMATS[0]!;
  const text = useMemo(
    () => exportWorkflow(doc, active, { schemaUrl: appSchemaUrl() }),
    [doc, active],
  );
  const notes = useMemo(() => notesFor(doc, active), [doc, active]);
  const close = () => app.files.getState().set({ exportOpen: false });
  const fileName = fileNameFor(doc.name, format.extension);
  const say = (message: string, tone?: 'info' | 'error') => app.ui.getState().say(message, tone);

  return (
    <Dialog
      title="Export"
      onClose={close}
      className="export-dialog"
      footer={
        <>
          <button type="button" onClick={close}>
            Close
          </button>
          <button
            type="button"
            onClick={async () => {
              const ok = await copyText(text);
              say(
                ok ? `Copied the ${format.tab} export.` : 'The browser refused the clipboard.',
                ok ? 'info' : 'error',
              );
            }}
          >
            Copy {format.tab}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              downloadText(fileName, text, format.mime);
              say(`Downloaded ${fileName}.`);
            }}
          >
            Download {fileName}
          </button>
        </>
      }
    >
      <div className="tabs" role="tablist" aria-label="Export format">
        {FORMATS.map((f) => (
          <button
            key={f.target}
            type="button"
            role="tab"
            aria-selected={f.target === active}
            className="tabs__tab"
            onClick={() => setActive(f.target)}
          >
            {f.tab}
          </button>
        ))}
      </div>
      <p className="export-dialog__hint">{format.hint}</p>
      {notes.length > 0 && (
        <details className="export-dialog__notes">
          <summary>{notes.length} note(s) on what this export cannot express exactly</summary>
          <ul>
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
      <pre
        className="export-dialog__code"
        role="tabpanel"
        aria-label={`${format.tab} export`}
        tabIndex={0}
      >
        {text}
      </pre>
    </Dialog>
  );
}
