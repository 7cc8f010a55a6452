/** The repository's files as the structure tests read them: a walk that skips node_modules. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..');

/** Every file under `dir` whose name matches `name` (TypeScript sources by default). */
export function sourceFiles(dir: string, name: RegExp = /\.tsx?$/): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory())
      return entry === 'node_modules' ? [] : sourceFiles(path, name);
    return name.test(entry) ? [path] : [];
  });
}
