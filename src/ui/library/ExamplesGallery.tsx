import { useEffect, useState } from 'react';
import type { Workflow } from '../../model';
import { EXAMPLES } from '../examples';
import { useApp } from '../../app/appContext';

const cache = new Map<string, Workflow>();

/** The examples to start from, with what each one holds. Opening one adds a copy to the library. */
export function ExamplesGallery({ onOpened }: { onOpened(): void }) {
  const app = useApp();
  const { session } = app;
  const [docs, setDocs] = useState<ReadonlyMap<string, Workflow>>(cache);
  useEffect(() => {
    let cancelled = false;
    void Promise.all(
      EXAMPLES.filter((e) => !cache.has(e.file)).map(async (e) => {
        const result = await session.fetchExample(e.file);
        if (result.ok) cache.set(e.file, result.doc);
      }),
    ).then(() => {
      if (!cancelled) setDocs(new Map(cache));
    });
    return () => {
      cancelled = true;
    };
  }, [session]);

  const open = async (file: string) => {
    const result = cache.get(file) ?? (await session.fetchExample(file));
    if ('ok' in result && !result.ok) {
      app.say(`The example could not be opened: ${result.problems[0]?.message ?? ''}`, 'error');
      return;
    }
    const doc = 'ok' in result ? result.doc : result;
    if (await session.openAsNew(doc)) onOpened();
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
