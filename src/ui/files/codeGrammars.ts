/**
 * The code importer's WebAssembly in the browser: Vite assets, fetched only when the user first
 * imports code (this module is loaded with the Import code dialog).
 */
import runtimeUrl from 'web-tree-sitter/web-tree-sitter.wasm?url';
import pythonUrl from 'tree-sitter-python/tree-sitter-python.wasm?url';
import typescriptUrl from 'tree-sitter-typescript/tree-sitter-typescript.wasm?url';
import csharpUrl from 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm?url';
import type { GrammarLoader, GrammarName } from '../../import/code';

const URLS: Readonly<Record<GrammarName, string>> = {
  python: pythonUrl,
  typescript: typescriptUrl,
  c_sharp: csharpUrl,
};

export const browserGrammarLoader: GrammarLoader = {
  runtimeLocation: () => runtimeUrl,
  grammar: async (name) => URLS[name],
};
