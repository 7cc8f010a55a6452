/**
 * Model output in the chat is rendered as React elements with text children: markup the model
 * writes stays text (no element, no attribute, no script), while the Markdown subset shows.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src/ui/run/Markdown';

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe('chat markdown', () => {
  it('renders markup from the model as text', () => {
    const html = render(
      '<img src=x onerror="alert(1)"> <script>alert(2)</script> [a](javascript:alert(3))',
    );
    expect(html).not.toMatch(/<img|<script|<a /);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('&lt;script&gt;');
  });

  it('renders paragraphs, lists, code, bold and italics', () => {
    const html = render(
      'Hello **you** and *me*, `x < 1`\nnext line\n\n- one\n- two\n\n1. first\n\n```\n<b>code</b>\n```',
    );
    expect(html).toBe(
      '<div class="markdown"><p>Hello <strong>you</strong> and <em>me</em>, <code>x &lt; 1</code>' +
        '<br/>next line</p><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>' +
        '<pre>&lt;b&gt;code&lt;/b&gt;</pre></div>',
    );
  });
});
