/**
 * Source comments cite the specification in docs/spec/ (`docs/spec/run-semantics.md#approvals`),
 * never the design sketch it replaced: every cited page and heading anchor must exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchors } from './markdownAnchors';
import { ROOT as root, sourceFiles } from '../support/sourceFiles';

const files = ['src', 'conformance', 'test']
  .flatMap((d) => sourceFiles(join(root, d), /\.(ts|tsx|py|cs)$/))
  .filter((f) => f !== __filename);
const docs = ['README.md', 'ARCHITECTURE.md'].map((f) => join(root, f));

/** `docs/spec/page.md#anchor`, and further `, #anchor`s of the same page right after it. */
export function citations(text: string): { page: string; anchor?: string }[] {
  const found: { page: string; anchor?: string }[] = [];
  for (const m of text.matchAll(/docs\/spec\/([\w-]+\.md)((?:#[\w-]+)?(?:, #[\w-]+)*)/g)) {
    const anchors = [...m[2]!.matchAll(/#([\w-]+)/g)].map((a) => a[1]!);
    if (anchors.length === 0) found.push({ page: m[1]! });
    for (const anchor of anchors) found.push({ page: m[1]!, anchor });
  }
  return found;
}

const cited = files.flatMap((file) =>
  citations(readFileSync(file, 'utf8')).map((c) => ({ file: relative(root, file), ...c })),
);

describe('citations of the specification in source comments', () => {
  it('scans the sources (the walk works)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(cited.length).toBeGreaterThan(40);
  });

  it('no source file cites the design sketch ("DESIGN §")', () => {
    const offenders = [...files, ...docs].filter((f) =>
      readFileSync(f, 'utf8').includes('DESIGN §'),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it.each(cited)('$file cites docs/spec/$page#$anchor, which exists', ({ page, anchor }) => {
    const path = join(root, 'docs/spec', page);
    expect(existsSync(path), `docs/spec/${page} exists`).toBe(true);
    if (anchor !== undefined) expect(headingAnchors(readFileSync(path, 'utf8'))).toContain(anchor);
  });

  it('reads every anchor of a list of them', () => {
    expect(citations('(docs/spec/a.md#x, #y) and docs/spec/b.md')).toEqual([
      { page: 'a.md', anchor: 'x' },
      { page: 'a.md', anchor: 'y' },
      { page: 'b.md' },
    ]);
  });
});
