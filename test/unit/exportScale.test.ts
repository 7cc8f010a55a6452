/**
 * Exporters stay linear in what a document writes: names that all map to the same identifier,
 * and long descriptions repeated as labels on many edges (issue 13, item 9).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../src/model';
import { exportMermaid, IdentifierAllocator, mermaidText } from '../../src/model/export';
import { doc } from '../support/docs';

/** mermaidText as it was written before it stopped early: the reference for its output. */
function reference(value: string, max = 60): string {
  let text = value.replace(/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  const chars = [...text];
  if (chars.length > max)
    text = `${chars
      .slice(0, max - 1)
      .join('')
      .trimEnd()}…`;
  return text.replace(/[#"<>&`|\\{}[\]]/g, (ch) => `#${ch.codePointAt(0)};`);
}

describe('IdentifierAllocator', () => {
  it('gives 2,000 names with the same identifier base their ids in linear work', () => {
    // a-b-c… and a_b_c… all become a_b_c…; every Set lookup while allocating is counted.
    const names = Array.from({ length: 2000 }, (_, i) =>
      Array.from({ length: 11 }, (_, b) => ((i >> b) & 1 ? '-x' : '_x')).join(''),
    );
    const ids = new IdentifierAllocator(new Set());
    let lookups = 0;
    const has = Set.prototype.has;
    Set.prototype.has = function (this: Set<unknown>, value: unknown) {
      lookups++;
      return has.call(this, value);
    };
    let got: string[];
    try {
      got = names.map((n) => ids.allocate(n, 'a'));
    } finally {
      Set.prototype.has = has;
    }
    expect(new Set(got).size).toBe(2000);
    expect(got.slice(0, 3)).toEqual([
      'a_x_x_x_x_x_x_x_x_x_x_x',
      'a_x_x_x_x_x_x_x_x_x_x_x_2',
      'a_x_x_x_x_x_x_x_x_x_x_x_3',
    ]);
    expect(lookups).toBeLessThan(10 * names.length);
  });

  it('still skips numbers that other names took', () => {
    const ids = new IdentifierAllocator(new Set(['b_3']));
    expect(['b', 'b_2', 'b', 'b', 'b'].map((n) => ids.allocate(n))).toEqual([
      'b',
      'b_2',
      'b_4',
      'b_5',
      'b_6',
    ]);
  });
});

describe('mermaidText', () => {
  it('labels exactly as the full collapse-and-cut did', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '\n',
      '\t',
      '\u200b',
      '\u2028',
      '\u0000',
      '"',
      '#',
      '😀',
      '\u00a0',
      'é',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 150 }),
        fc.integer({ min: 1, max: 80 }),
        (parts, max) => {
          const value = parts.join('');
          expect(mermaidText(value, max)).toBe(reference(value, max));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('exports 2,000 edges that borrow a 200,000-character description, each label cut as the full collapse would (its speed: npm run bench -- model)', () => {
    const base = doc({ agents: [{ name: 'a' }] });
    const long = 'lorem ipsum '.repeat(16_000);
    const agents = Array.from({ length: 46 }, (_, i) => ({
      ...base.agents[0]!,
      name: `n${i}`,
      description: long,
    }));
    const handoffs = [];
    for (let s = 0; s < 46 && handoffs.length < 2000; s++)
      for (let t = 0; t < 46 && handoffs.length < 2000; t++)
        if (s !== t) handoffs.push({ source: `n${s}`, target: `n${t}`, description: '' });
    const wide: Workflow = { ...base, startAgent: 'n0', agents, handoffs };
    const out = exportMermaid(wide);
    expect(out.match(/-->/g)).toHaveLength(2000);
    expect(out).toContain(`|"${reference(long)}"|`);
  });
});
