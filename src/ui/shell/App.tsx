import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { sortIssues, validateWorkflow } from '../../model';
import { Canvas } from '../canvas/Canvas';
import { EXAMPLES } from '../examples';
import { ProblemsPanel } from './ProblemsPanel';
import { useExample } from './useExample';

export function App() {
  const [file, setFile] = useState(EXAMPLES[0]!.file);
  const example = useExample(file);
  const doc = example.status === 'ready' ? example.doc : undefined;
  const issues = useMemo(() => (doc ? sortIssues(validateWorkflow(doc)) : []), [doc]);
  const errors = issues.filter((i) => i.severity === 'error').length;

  return (
    <div className="app">
      <header className="toolbar" role="toolbar" aria-label="Main toolbar">
        <h1 className="toolbar__title">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={22} height={22} />
          Handoff Studio
        </h1>
        <label className="toolbar__field">
          Example
          <select value={file} onChange={(e) => setFile(e.target.value)}>
            {EXAMPLES.map((e) => (
              <option key={e.file} value={e.file}>
                {e.title}
              </option>
            ))}
          </select>
        </label>
        {doc && (
          <span className={`toolbar__status ${errors ? 'toolbar__status--error' : ''}`}>
            {doc.agents.length} agents · {doc.handoffs.length} handoffs ·{' '}
            {errors ? `${errors} errors` : 'valid'}
          </span>
        )}
      </header>
      <main className="workspace">
        <div className="canvas" aria-label="Canvas area">
          {example.status === 'loading' && <p className="canvas__message">Loading…</p>}
          {example.status === 'error' && (
            <div className="canvas__message" role="alert">
              This example could not be opened:
              <ul>
                {example.problems.map((p, i) => (
                  <li key={i}>{p.path ? `${p.path}: ${p.message}` : p.message}</li>
                ))}
              </ul>
            </div>
          )}
          {doc && (
            <ReactFlowProvider>
              <Canvas doc={doc} issues={issues} />
            </ReactFlowProvider>
          )}
        </div>
        <aside className="sidebar">
          {doc && (
            <section className="summary" aria-label="Workflow">
              <h2>{doc.name}</h2>
              <p>{doc.description}</p>
            </section>
          )}
          <ProblemsPanel issues={issues} />
        </aside>
      </main>
    </div>
  );
}
