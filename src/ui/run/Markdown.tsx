/**
 * Model output rendered as a small, safe subset of Markdown: paragraphs, line breaks, bullet and
 * numbered lists, fenced code, inline code, bold and italics. Everything becomes React elements
 * with text children, so no HTML from the model ever reaches the page (no innerHTML).
 */
import type { ReactNode } from 'react';

type Block =
  | { kind: 'code'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'paragraph'; text: string };

function blocks(source: string): Block[] {
  const out: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (/^\s*```/.test(line)) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i]!)) code.push(lines[i++]!);
      i++;
      out.push({ kind: 'code', text: code.join('\n') });
    } else if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i]!)) {
        items.push(lines[i++]!.replace(/^\s*([-*+]|\d+[.)])\s+/, ''));
      }
      out.push({ kind: 'list', ordered, items });
    } else if (line.trim() === '') {
      i++;
    } else {
      const text: string[] = [];
      while (
        i < lines.length &&
        lines[i]!.trim() !== '' &&
        !/^\s*```/.test(lines[i]!) &&
        !/^\s*([-*+]|\d+[.)])\s+/.test(lines[i]!)
      ) {
        text.push(lines[i++]!);
      }
      out.push({ kind: 'paragraph', text: text.join('\n') });
    }
  }
  return out;
}

/** Inline code, **bold**, *italic* / _italic_, and line breaks, as elements. */
function inline(text: string, key: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  const pattern = /(`[^`\n]+`|\*\*[^*\n]+\*\*|\*[^*\n]+\*|_[^_\n]+_|\n)/g;
  let last = 0;
  let n = 0;
  for (const match of text.matchAll(pattern)) {
    const token = match[0];
    const at = match.index;
    if (at > last) nodes.push(text.slice(last, at));
    const k = `${key}-${n++}`;
    if (token === '\n') nodes.push(<br key={k} />);
    else if (token.startsWith('`')) nodes.push(<code key={k}>{token.slice(1, -1)}</code>);
    else if (token.startsWith('**')) nodes.push(<strong key={k}>{token.slice(2, -2)}</strong>);
    else nodes.push(<em key={k}>{token.slice(1, -1)}</em>);
    last = at + token.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      {blocks(text).map((block, i) => {
        if (block.kind === 'code') return <pre key={i}>{block.text}</pre>;
        if (block.kind === 'list') {
          const items = block.items.map((item, j) => <li key={j}>{inline(item, `${i}-${j}`)}</li>);
          return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
        }
        return <p key={i}>{inline(block.text, String(i))}</p>;
      })}
    </div>
  );
}
