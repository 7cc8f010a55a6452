/** Colours that tell agents apart in the chat (readable on light and dark panels). */
const PALETTE = [
  '#2563eb',
  '#059669',
  '#d97706',
  '#db2777',
  '#7c3aed',
  '#0891b2',
  '#65a30d',
  '#dc2626',
];

/** A colour per agent: by position in the document, else from the name. */
export function agentColor(name: string, order: readonly string[]): string {
  const index = order.indexOf(name);
  if (index >= 0) return PALETTE[index % PALETTE.length]!;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
