import { useEffect, useState } from 'react';
import { parseWorkflowText, type Problem } from '../../model';
import { designerStore } from '../../store';
import { exampleUrl } from '../examples';

export type LoadState =
  { status: 'loading' } | { status: 'ready' } | { status: 'error'; problems: Problem[] };

/** The example named by `?example=<file>` (a file in public/examples), else customer support. */
export function initialExample(): string {
  const requested = new URLSearchParams(window.location.search).get('example');
  return requested && /^[\w.-]+\.json$/.test(requested) ? requested : 'customer_support.json';
}

/** Fetches an example, parses it and opens it in the designer store (history starts empty). */
export async function openExample(file: string): Promise<LoadState> {
  try {
    const response = await fetch(exampleUrl(file));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    const result = parseWorkflowText(await response.text());
    if (!result.ok) return { status: 'error', problems: result.problems };
    designerStore.getState().loadDocument(result.doc);
    return { status: 'ready' };
  } catch (error) {
    return { status: 'error', problems: [{ path: '', message: String(error) }] };
  }
}

/** Opens the initial example once, at start. */
export function useInitialDocument(): LoadState {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void openExample(initialExample()).then((s) => {
      if (!cancelled) setState(s);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
