import { memo } from 'react';
import type { ToolArguments } from '../../engine/events';
import type { CallUsage, ChatItem } from '../../trace';
import { Markdown } from './Markdown';
import { callUsageText, usageTitle } from './usageText';

/** Compact `name(a: 1, b: "x")` text of a call. */
export function callText(name: string, args: ToolArguments): string {
  if (typeof args === 'string') return `${name}(${args})`;
  const parts = Object.entries(args).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `${name}(${parts.join(', ')})`;
}

export const argumentsText = (args: ToolArguments): string =>
  typeof args === 'string' ? args : JSON.stringify(args, null, 2);

interface Props {
  item: ChatItem;
  color: (agent: string) => string;
}

function AgentName({ agent, color }: { agent: string; color: string }) {
  return (
    <span className="chat__agent" style={{ color }}>
      <span className="chat__dot" style={{ background: color }} aria-hidden="true" />
      {agent}
    </span>
  );
}

/** The cost of the model call that wrote an item: "1.2 s · 312 tok". */
function UsageLine({ usage }: { usage: CallUsage }) {
  return (
    <div
      className="chat__usage"
      title={usageTitle(usage)}
      aria-label={`Model call: ${usageTitle(usage)}`}
    >
      {callUsageText(usage)}
    </div>
  );
}

/** One chat item. Items are immutable, so a memo skips every item that did not change. */
export const ChatItemView = memo(function ChatItemView({ item, color }: Props) {
  switch (item.kind) {
    case 'user':
      return (
        <li className="chat__item chat__user" aria-label="Your message">
          <span className="chat__who">You</span>
          <div className="chat__bubble">{item.text}</div>
        </li>
      );
    case 'message':
      return (
        <li
          className="chat__item chat__message"
          style={{ borderLeftColor: color(item.agent) }}
          aria-label={`Message from ${item.agent}`}
          aria-busy={item.streaming}
        >
          <AgentName agent={item.agent} color={color(item.agent)} />
          <Markdown text={item.text} />
          {item.streaming && <span className="chat__caret" aria-hidden="true" />}
          {item.interrupted && <span className="chat__cut">(cut off)</span>}
          {item.usage && <UsageLine usage={item.usage} />}
        </li>
      );
    case 'tool': {
      // A handoff call that worked is shown as the handoff separator that follows it; only the
      // cost of a reply that was nothing but the handoff stays.
      if (item.handoffTarget !== undefined && !item.isError && !item.forbidden) {
        return item.usage ? (
          <li className="chat__item chat__item--usage">
            <UsageLine usage={item.usage} />
          </li>
        ) : null;
      }
      const state = item.result === undefined ? 'waiting' : item.isError ? 'error' : 'ok';
      return (
        <li className={`chat__item chat__tool chat__tool--${state}`}>
          <details>
            <summary>
              <span className="chat__tool-icon" aria-hidden="true">
                {item.forbidden ? '✖' : 'ƒ'}
              </span>
              <span className="chat__tool-call">{callText(item.name, item.arguments)}</span>
              {item.approval && (
                <span className={`chat__badge chat__badge--${item.approval}`}>{item.approval}</span>
              )}
              {item.forbidden && (
                <span className="chat__badge chat__badge--rejected">forbidden</span>
              )}
            </summary>
            <div className="chat__tool-body">
              <div>
                <AgentName agent={item.agent} color={color(item.agent)} /> called{' '}
                <code>{item.name}</code>
              </div>
              <pre>{argumentsText(item.arguments)}</pre>
              <div className="chat__tool-result">
                {item.result === undefined ? 'No result yet.' : item.result}
              </div>
            </div>
          </details>
          {item.usage && <UsageLine usage={item.usage} />}
        </li>
      );
    }
    case 'handoff':
      return (
        <li
          className="chat__item chat__handoff"
          role="separator"
          aria-label={`Handoff from ${item.from} to ${item.to}`}
        >
          <span>
            <b style={{ color: color(item.from) }}>{item.from}</b> →{' '}
            <b style={{ color: color(item.to) }}>{item.to}</b>
          </span>
          {item.reason && <span className="chat__reason">{item.reason}</span>}
        </li>
      );
    case 'input':
      return (
        <li className="chat__item chat__request">
          {item.agent} asked for your reply
          {item.open ? ' — waiting' : item.answer === 'ended' ? ' — you ended the run' : ''}
        </li>
      );
    case 'approval':
      return (
        <li className="chat__item chat__request">
          Approval of <code>{item.name}</code>
          {item.open
            ? ' — waiting for you'
            : item.approved === undefined
              ? ''
              : item.approved
                ? ' — approved'
                : ' — rejected'}
        </li>
      );
    case 'notice':
      return (
        <li
          className={`chat__item chat__notice chat__notice--${item.tone}`}
          role={item.tone === 'error' ? 'alert' : undefined}
        >
          {item.text}
        </li>
      );
  }
});
