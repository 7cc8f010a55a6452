import { useEffect, useState } from 'react';
import type { Problem } from '../../model';
import { startLibrary } from './librarySession';

export type StartupState =
  { status: 'loading' } | { status: 'ready' } | { status: 'error'; problems: Problem[] };

/** Starts the library once and reports when the first document is open. */
export function useLibraryStartup(): StartupState {
  const [state, setState] = useState<StartupState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void startLibrary().then((problems) => {
      if (!cancelled)
        setState(problems.length ? { status: 'error', problems } : { status: 'ready' });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
