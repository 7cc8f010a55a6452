/**
 * src/trace and src/runs stay free of React, React Flow and the DOM (by discipline, not by an
 * ESLint rule): every import they make is checked here. src/trace is pure: it imports engine
 * types, the engine's (pure) transcript and its own modules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function importsOf(dir: string): Array<{ file: string; from: string; typeOnly: boolean }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return [...text.matchAll(/^(import|export)(\s+type)?[^'"]*from\s+'([^']+)'/gm)].map((m) => ({
        file,
        from: m[3]!,
        typeOnly: m[2] !== undefined,
      }));
    });
}

describe('the trace and runs layers', () => {
  it('src/trace imports only engine types, the engine transcript and its own modules', () => {
    const outside = importsOf('src/trace').filter(
      (i) =>
        !i.from.startsWith('./') &&
        !(i.typeOnly && i.from.startsWith('../engine/')) &&
        i.from !== '../engine/transcript',
    );
    expect(outside).toEqual([]);
    const files = readdirSync('src/trace').map((f) => readFileSync(join('src/trace', f), 'utf8'));
    for (const text of files)
      expect(text).not.toMatch(/\b(window|document|localStorage)\.[A-Za-z_]/);
  });

  it('src/runs uses no React, React Flow, UI or designer store, and storage only as types', () => {
    const bad = importsOf('src/runs').filter(
      (i) =>
        /^(react|react-dom|@xyflow\/|dexie)/.test(i.from) ||
        /\/(ui|store)\//.test(i.from) ||
        (i.from.startsWith('../storage/') && !i.typeOnly),
    );
    expect(bad).toEqual([]);
  });
});
