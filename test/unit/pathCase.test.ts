/**
 * No two paths of the repository differ only in letter case: on a case-insensitive file system
 * (a default Mac, Windows) the import of one would resolve to the other and the build breaks.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/** Groups of paths (files and their folders) that are equal when letter case is ignored. */
export function caseCollisions(paths: readonly string[]): string[][] {
  const byFolded = new Map<string, Set<string>>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const folded = prefix.toLowerCase();
      const seen = byFolded.get(folded) ?? new Set<string>();
      seen.add(prefix);
      byFolded.set(folded, seen);
    }
  }
  return [...byFolded.values()].filter((s) => s.size > 1).map((s) => [...s].sort());
}

describe('paths that differ only in case', () => {
  it('finds a collision of files and of folders (the check works)', () => {
    expect(caseCollisions(['src/a/EdgeSketch.tsx', 'src/a/edgeSketch.ts'])).toEqual([]);
    expect(caseCollisions(['src/a/Edge.ts', 'src/a/edge.ts'])).toEqual([
      ['src/a/Edge.ts', 'src/a/edge.ts'],
    ]);
    expect(caseCollisions(['src/Ui/x.ts', 'src/ui/y.ts'])).toEqual([['src/Ui', 'src/ui']]);
  });

  it('no two tracked paths collide, counting module names without their extension', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    // `./edgeSketch` may resolve to edgeSketch.ts or EdgeSketch.tsx: compare import specifiers too.
    const modules = files
      .filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f))
      .map((f) => f.replace(/\.(ts|tsx|js|mjs|cjs)$/, ''));
    expect(caseCollisions(files)).toEqual([]);
    expect(caseCollisions([...new Set(modules)])).toEqual([]);
  });
});
