import { useMemo } from 'react';
import { useDesigner } from '../../store/hooks';

const split = (joined: string) => (joined === '' ? [] : joined.split('\n'));

/** The open document's agent names (re-renders only when they change). */
export function useAgentNames(): string[] {
  const joined = useDesigner((s) => s.doc.agents.map((a) => a.name).join('\n'));
  return useMemo(() => split(joined), [joined]);
}

/** The open document's tool names. */
export function useToolNames(): string[] {
  const joined = useDesigner((s) => s.doc.tools.map((t) => t.name).join('\n'));
  return useMemo(() => split(joined), [joined]);
}
