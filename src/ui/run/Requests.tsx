import { useEffect, useRef, useState } from 'react';
import type { PendingRequest } from '../../trace';
import { argumentsText } from './ChatItemView';

interface Props {
  pending: readonly PendingRequest[];
  onReply(requestId: string, text: string): void;
  onEnd(requestId: string): void;
  onDecide(requestId: string, approved: boolean): void;
}

/** The open requests of a live run: a reply box with End, or Approve / Reject for a tool call. */
export function Requests({ pending, onReply, onEnd, onDecide }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const count = pending.length;
  useEffect(() => {
    // A new request must be seen: bring it into view in the scrolling panel.
    if (count > 0) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [count]);
  if (pending.length === 0) return null;
  return (
    <div className="requests" ref={box}>
      {pending.map((r) =>
        r.kind === 'input' ? (
          <InputRequest
            key={r.requestId}
            agent={r.agent}
            requestId={r.requestId}
            onReply={onReply}
            onEnd={onEnd}
          />
        ) : (
          <section
            key={r.requestId}
            className="request request--approval"
            aria-label={`Approve ${r.name}`}
          >
            <p>
              <b>{r.agent}</b> wants to call <code>{r.name}</code>
            </p>
            <pre>{argumentsText(r.arguments)}</pre>
            <div className="request__actions">
              <button type="button" className="primary" onClick={() => onDecide(r.requestId, true)}>
                Approve
              </button>
              <button type="button" className="danger" onClick={() => onDecide(r.requestId, false)}>
                Reject
              </button>
            </div>
          </section>
        ),
      )}
    </div>
  );
}

function InputRequest(props: {
  agent: string;
  requestId: string;
  onReply(requestId: string, text: string): void;
  onEnd(requestId: string): void;
}) {
  const [text, setText] = useState('');
  const send = () => {
    if (text.trim() === '') return;
    props.onReply(props.requestId, text);
    setText('');
  };
  return (
    <form
      className="request request--input"
      aria-label={`Reply to ${props.agent}`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor={`reply-${props.requestId}`}>
        <b>{props.agent}</b> is waiting for your reply
      </label>
      <textarea
        id={`reply-${props.requestId}`}
        rows={2}
        value={text}
        autoFocus
        placeholder="Your reply (Enter to send, Shift+Enter for a new line)"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            send();
          }
        }}
      />
      <div className="request__actions">
        <button type="submit" className="primary" disabled={text.trim() === ''}>
          Send
        </button>
        <button type="button" onClick={() => props.onEnd(props.requestId)} title="End the run here">
          End
        </button>
      </div>
    </form>
  );
}
