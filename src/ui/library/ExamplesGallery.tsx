import { useEffect, useState } from 'react';
import type { Workflow } from '../../model';
import { EXAMPLES } from '../examples';
import { useApp } from '../../app/appContext';

/** The examples to start from, with what each one holds. Opening one adds a copy to the library. */
export function ExamplesGallery({ onOpened }: { onOpened(): void }) {
  const app = useApp();
  const { session } = app;
  const [docs, setDocs] = useState<ReadonlyMap<string, Workflow>>(() => session.knownExamples());
  useEffect(() => {
    let cancelled = false;
    void Promise.all(EXAMPLES.map((e) => session.fetchExample(e.file))).then(() => {
      if (!cancelled) setDocs(session.knownExamples());
    });
    return () => {
      cancelled = true;
    };
  }, [session]);

  const open = async (file: string) => {
    const result = await session.fetchExample(file);
    if (!result.ok) {
      app.say(`The example could not be opened: ${result.problems[0]?.message ?? ''}`, 'error');
      return;
    }
    if (await session.openAsNew(result.doc)) onOpened();
  };

  return (
    <ul className="gallery" aria-label="Examples">
      {EXAMPLES.map((example) => {
        const doc = docs.get(example.file);
        return (
          <li key={example.file}>
            <button
              type="button"
              className="gallery__card"
              onClick={() => void open(example.file)}
              aria-label={`New from example: ${example.title}`}
            >
              <span className="gallery__title">{example.title}</span>
              <span className="gallery__counts">
                {doc ? `${doc.agents.length} agents · ${doc.handoffs.length} handoffs` : ' '}
              </span>
              <span className="gallery__desc">{doc?.description ?? ''}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
