import { useCallback, useEffect, useMemo, useRef } from 'react';
import { chatItems, type TraceState } from '../../trace';
import { agentColor } from './agentColors';
import { ChatItemView } from './ChatItemView';
import './chat.css';

interface Props {
  state: TraceState;
  /** Agent names in document order (for their colours). */
  agents: readonly string[];
  /** Follow new items (live), or stay where the reader scrolled. */
  follow: boolean;
}

/** The run's chat: every agent's messages as they stream, tools folded, handoffs as separators. */
export function Chat({ state, agents, follow }: Props) {
  const items = useMemo(() => chatItems(state), [state]);
  const color = useCallback((agent: string) => agentColor(agent, agents), [agents]);
  const list = useRef<HTMLOListElement>(null);
  const lastText = items.at(-1);
  useEffect(() => {
    const el = list.current;
    if (el && follow) el.scrollTop = el.scrollHeight;
  }, [lastText, follow, items.length]);
  if (items.length === 0) {
    return <p className="chat__empty">No run yet. Write a message and press Start.</p>;
  }
  return (
    <ol className="chat" ref={list} aria-label="Chat">
      {items.map((item) => (
        <ChatItemView key={item.id} item={item} color={color} />
      ))}
    </ol>
  );
}
