import { useEffect, useState } from 'react';
import { useApp } from '../../app/appContext';
import type { Problem } from '../../model';

export type StartupState =
  { status: 'loading' } | { status: 'ready' } | { status: 'error'; problems: Problem[] };

/** Starts the library once and reports when the first document is open. */
export function useLibraryStartup(): StartupState {
  const { session } = useApp();
  const [state, setState] = useState<StartupState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void session.start().then((problems) => {
      if (!cancelled)
        setState(problems.length ? { status: 'error', problems } : { status: 'ready' });
    });
    return () => {
      cancelled = true;
    };
  }, [session]);
  return state;
}
