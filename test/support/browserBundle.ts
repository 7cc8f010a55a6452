/** Bundles TypeScript source (run from the repository root) into one script for a page. */
import { build } from 'esbuild';

/** `source` is module code: its imports resolve from the repository root. */
export async function browserBundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'es2022',
  });
  return result.outputFiles[0]!.text;
}
