/**
 * The layers below the UI have no import cycles (issue 17): a module of `src/engine`, `src/model`,
 * `src/trace`, `src/runs` or `src/library` never reaches itself through its imports (type-only
 * imports included: a cycle of types is still two files that cannot be read apart).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT as root, sourceFiles as files } from '../support/sourceFiles';

/** The relative modules a file imports or re-exports, resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)];
  return specs.flatMap((m) => {
    const base = resolve(dirname(file), m[1]!);
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p));
    return found ? [found] : [];
  });
}

/** Every cycle found by a depth-first walk, each as the files along it. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('import cycles', () => {
  it('finds a cycle (the walk works)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it.each(['engine', 'model', 'trace', 'runs', 'library'])('src/%s has none', (layer) => {
    const all = files(join(root, 'src', layer));
    expect(all.length).toBeGreaterThan(3);
    const graph = new Map(all.map((f) => [f, importsOf(f)]));
    const named = cycles(graph).map((c) => c.map((f) => relative(root, f)).join(' → '));
    expect(named).toEqual([]);
  });
});
