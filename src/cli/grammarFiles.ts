/** The code importer's grammars in Node: the .wasm files of the grammar packages in node_modules. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CodeParser, type GrammarLoader, type GrammarName } from '../import/code';

const FILES: Readonly<Record<GrammarName, [pkg: string, file: string]>> = {
  python: ['tree-sitter-python', 'tree-sitter-python.wasm'],
  typescript: ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  c_sharp: ['tree-sitter-c-sharp', 'tree-sitter-c_sharp.wasm'],
};

/** Reads each grammar from its package's folder. */
export const nodeGrammarLoader: GrammarLoader = {
  async grammar(name) {
    const [pkg, file] = FILES[name];
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve(`${pkg}/package.json`));
    return new Uint8Array(await readFile(join(dir, file)));
  },
};

/** A parser for the CLI and the tests. */
export const nodeCodeParser = (clock?: () => number): CodeParser =>
  new CodeParser(nodeGrammarLoader, clock);
