import { useEffect, useState } from 'react';
import { parseWorkflowText, type Problem, type Workflow } from '../../model';
import { exampleUrl } from '../examples';

export type ExampleState =
  | { status: 'loading' }
  | { status: 'ready'; doc: Workflow }
  | { status: 'error'; problems: Problem[] };

/** Loads and parses one example file. */
export function useExample(file: string): ExampleState {
  const [state, setState] = useState<ExampleState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    fetch(exampleUrl(file))
      .then((response) => {
        if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
        return response.text();
      })
      .then((text) => {
        const result = parseWorkflowText(text);
        if (cancelled) return;
        setState(
          result.ok
            ? { status: 'ready', doc: result.doc }
            : { status: 'error', problems: result.problems },
        );
      })
      .catch((error: unknown) => {
        if (!cancelled) {
          setState({ status: 'error', problems: [{ path: '', message: String(error) }] });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [file]);
  return state;
}
