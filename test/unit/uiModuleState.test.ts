/**
 * No module-level mutable state under src/ui/ (issue 17): state lives in the app that createApp
 * builds (src/app) and reaches components through useApp(). A top-level `let`/`var`, or a
 * top-level container (`new Map/Set/WeakMap`, a zustand `createStore`/`create`) in a UI file, is
 * state shared by every app of the page that nobody built: this test names each one.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT as root, sourceFiles as files } from '../support/sourceFiles';

const MUTABLE = [
  /^(export )?(let|var) /,
  /^(export )?const \w+(: [^=]+)? = new (Map|Set|WeakMap|WeakSet)\b/,
  /^(export )?const \w+(: [^=]+)? = (createStore|create)(<[^>]*>)?\(/,
];

/** `file:line: text` of every module-level mutable binding in `text`. */
export function moduleState(file: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) =>
      MUTABLE.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
    );
}

describe('module-level state under src/ui', () => {
  it('is recognised (the check works)', () => {
    expect(moduleState('a.ts', 'let memo = 1;\nconst ok = 2;\n  let inner = 3;')).toEqual([
      'a.ts:1: let memo = 1;',
    ]);
    expect(moduleState('b.ts', 'const schemas = new Map<string, X>();')).toHaveLength(1);
    expect(moduleState('c.ts', 'export const store = createStore<S>()(() => ({}));')).toHaveLength(
      1,
    );
  });

  it('there is none', () => {
    const found = files(join(root, 'src/ui')).flatMap((f) =>
      moduleState(relative(root, f), readFileSync(f, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
