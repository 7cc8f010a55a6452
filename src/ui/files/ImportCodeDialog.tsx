import { useEffect, useMemo, useRef, useState } from 'react';
import {
  CODE_LANGUAGES,
  CodeImportError,
  CodeParser,
  importCode,
  languageOfFile,
  type CodeImportResult,
  type CodeLanguage,
} from '../../import/code';
import { useApp } from '../../app/appContext';
import type { CodeImportSource } from './filesStore';
import { browserGrammarLoader } from './codeGrammars';
import { Dialog } from './Dialog';
import { importFile } from './filesStore';
import './importCode.css';

const LANGUAGE_LABELS: Readonly<Record<CodeLanguage, string>> = {
  python: 'Python',
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  csharp: 'C#',
};

const FRAMEWORK_LABELS: Readonly<Record<string, string>> = {
  'agent-framework-python': 'Agent Framework (Python)',
  'agent-framework-dotnet': 'Agent Framework (.NET)',
  'openai-agents': 'OpenAI Agents SDK',
};

const KIND_LABELS = {
  recognised: 'Recognised',
  approximated: 'Approximated',
  left_out: 'Left out',
  not_understood: 'Not understood',
} as const;

type Outcome = { result: CodeImportResult } | { error: string } | undefined;

/**
 * Import code: paste, drop or pick a Python, TypeScript/JavaScript or C# file that builds a
 * handoff workflow; the report lists what was recognised, approximated, left out or not
 * understood, each with its line; the result opens as a new workflow in the library. The code
 * is parsed (tree-sitter, loaded on first use), never run.
 */
export function ImportCodeDialog({ source }: { source: CodeImportSource }) {
  const app = useApp();
  const [text, setText] = useState(source.text);
  const [origin, setOrigin] = useState(source.origin);
  const [lang, setLang] = useState<CodeLanguage>(
    (source.origin && languageOfFile(source.origin)) || 'python',
  );
  const [outcome, setOutcome] = useState<Outcome>();
  const [reading, setReading] = useState(false);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const parser = useMemo(() => new CodeParser(browserGrammarLoader), []);
  const close = () => app.files.getState().set({ codeImport: undefined });

  useEffect(() => {
    if (!text.trim()) {
      setOutcome(undefined);
      return;
    }
    let current = true;
    setReading(true);
    // Read once typing pauses; a newer text replaces an older result.
    const timer = setTimeout(() => {
      const name = origin?.replace(/\.[^.]+$/, '') || undefined;
      importCode(text, lang, parser, { fallbackName: name })
        .then((result) => current && setOutcome({ result }))
        .catch((error: unknown) => {
          if (!current) return;
          setOutcome({
            error:
              error instanceof CodeImportError
                ? `${error.message} (${error.code})`
                : `The code could not be read: ${String(error)}`,
          });
        })
        .finally(() => current && setReading(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, lang, origin, parser]);

  const result = outcome && 'result' in outcome ? outcome.result : undefined;
  const workflow = !reading ? result?.workflow : undefined;
  const open = async () => {
    if (!workflow) return;
    setBusy(true);
    const ok = await app.session.openAsNew(workflow);
    setBusy(false);
    if (ok) {
      close();
      app.say(`Imported "${workflow.name}" from code as a new workflow.`);
    }
  };

  return (
    <Dialog
      title="Import code"
      onClose={close}
      className="import-dialog import-code-dialog"
      footer={
        <>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void open()}
            disabled={!workflow || busy}
          >
            Open as a new workflow
          </button>
        </>
      }
    >
      <div className="import-dialog__source">
        <span>
          {origin
            ? `From ${origin}`
            : 'Paste Agent Framework (Python, .NET) or OpenAI Agents SDK code, or choose a file.'}
        </span>
        <button type="button" onClick={() => picker.current?.click()}>
          Choose a file…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".py,.ts,.mts,.cts,.js,.mjs,.cjs,.cs"
          hidden
          aria-label="Code file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            await importFile(app.files, file);
            const next = app.files.getState().codeImport;
            setText(next?.text ?? '');
            setOrigin(next?.origin);
            const detected = next?.origin ? languageOfFile(next.origin) : undefined;
            if (detected) setLang(detected);
          }}
        />
      </div>
      <div className="import-code__options">
        <label htmlFor="import-code-lang">Language</label>
        <select
          id="import-code-lang"
          value={lang}
          onChange={(e) => setLang(e.target.value as CodeLanguage)}
        >
          {CODE_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_LABELS[l]}
            </option>
          ))}
        </select>
      </div>
      <label className="import-dialog__label" htmlFor="import-code-text">
        Code
      </label>
      <textarea
        id="import-code-text"
        className="code import-dialog__text"
        value={text}
        spellCheck={false}
        rows={10}
        placeholder="workflow = HandoffBuilder(participants=[triage, refund]).build()"
        onChange={(e) => {
          setText(e.target.value);
          setOrigin(undefined);
        }}
      />
      <CodeImportReport outcome={outcome} reading={reading} />
    </Dialog>
  );
}

function CodeImportReport({ outcome, reading }: { outcome: Outcome; reading: boolean }) {
  if (reading) {
    return (
      <p className="import-code__status" role="status">
        Reading the code…
      </p>
    );
  }
  if (!outcome) return null;
  if ('error' in outcome) {
    return (
      <p className="import-dialog__refused" role="alert">
        {outcome.error}
      </p>
    );
  }
  const { result } = outcome;
  const wf = result.workflow;
  return (
    <div className="import-code__result">
      <p className="import-code__status" role="status">
        {wf ? (
          <>
            <strong>{wf.name}</strong> · {FRAMEWORK_LABELS[result.framework ?? ''] ?? 'code'} ·{' '}
            {wf.agents.length} agents ·{' '}
            {wf.handoffs.length === 0 && wf.agents.length > 1
              ? 'every agent to every other'
              : `${wf.handoffs.length} handoffs`}{' '}
            · {wf.tools.length} tools
          </>
        ) : (
          'No handoff workflow was found in this code.'
        )}
      </p>
      {result.report.length > 0 && (
        <div className="import-code__report">
          <table aria-label="Import report">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Line</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {result.report.map((note, i) => (
                <tr key={i} className={`import-code__note import-code__note--${note.kind}`}>
                  <td>{KIND_LABELS[note.kind]}</td>
                  <td>{note.line === 0 ? '—' : note.line}</td>
                  <td>{note.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
