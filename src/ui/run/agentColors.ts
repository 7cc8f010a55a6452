/**
 * Colours that tell agents apart in the chat: CSS variables (`--agent-0`…`--agent-7`, chat.css)
 * with a light-theme and a dark-theme value, each readable (4.5:1) on its theme's panels.
 */
const COUNT = 8;

/** A colour per agent: by position in the document, else from the name. */
export function agentColor(name: string, order: readonly string[]): string {
  const index = order.indexOf(name);
  if (index >= 0) return `var(--agent-${index % COUNT})`;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `var(--agent-${hash % COUNT})`;
}
