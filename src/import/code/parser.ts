/**
 * tree-sitter behind a small port: the importer asks for a syntax tree, the loader says where the
 * WebAssembly comes from (Vite assets fetched on first use in the browser, node_modules in Node),
 * so nothing here knows which. Parsing only: nothing in the source is ever evaluated.
 */
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { CODE_IMPORT_LIMITS, CodeImportError, type CodeLanguage } from './types';

/** The grammars the importer uses (file names of their .wasm builds without the prefix). */
export type GrammarName = 'python' | 'typescript' | 'c_sharp';

/** Where the WebAssembly builds come from. */
export interface GrammarLoader {
  /** The runtime's own `web-tree-sitter.wasm` (a URL or path), or undefined for its default. */
  runtimeLocation?(): string | undefined;
  /** A grammar's .wasm: its bytes, or a URL the runtime fetches. */
  grammar(name: GrammarName): Promise<Uint8Array | string>;
}

export const GRAMMAR_OF: Readonly<Record<CodeLanguage, GrammarName>> = {
  python: 'python',
  typescript: 'typescript',
  javascript: 'typescript',
  csharp: 'c_sharp',
};

// web-tree-sitter keeps one WebAssembly runtime per page or process; initialising it twice would
// orphan the languages loaded on the first one, so the promise is shared.
let runtime: Promise<void> | undefined;

/** Parses source text with the grammars a loader provides, each loaded once, on first use. */
export class CodeParser {
  private readonly languages = new Map<GrammarName, Promise<Language>>();

  /**
   * `clock` (milliseconds, `Date.now` by default) times each parse against the parse-time
   * limit; tests inject one that does not depend on the machine's speed.
   */
  constructor(
    private readonly loader: GrammarLoader,
    private readonly clock: () => number = Date.now,
  ) {}

  private language(name: GrammarName): Promise<Language> {
    let pending = this.languages.get(name);
    if (!pending) {
      const location = this.loader.runtimeLocation?.();
      runtime ??= Parser.init(
        location === undefined ? undefined : { locateFile: () => location },
      ).catch((error: unknown) => {
        runtime = undefined;
        throw error;
      });
      pending = runtime
        .then(() => this.loader.grammar(name))
        .then((wasm) => Language.load(wasm))
        .catch((error: unknown) => {
          this.languages.delete(name);
          throw new CodeImportError(
            'code_grammar_unavailable',
            `The ${name} grammar could not be loaded (${(error as Error).message}).`,
          );
        });
      this.languages.set(name, pending);
    }
    return pending;
  }

  /** The syntax tree of `source`; the caller deletes it. */
  async parse(source: string, lang: CodeLanguage): Promise<Tree> {
    const language = await this.language(GRAMMAR_OF[lang]);
    const parser = new Parser();
    try {
      parser.setLanguage(language);
      const deadline = this.clock() + CODE_IMPORT_LIMITS.parseMs;
      const tree = parser.parse(source, null, {
        // Returning true cancels the parse (web-tree-sitter's ParseOptions.progressCallback).
        progressCallback: (() => this.clock() > deadline) as () => void,
      });
      if (!tree) {
        throw new CodeImportError(
          'code_parse_timeout',
          `Parsing took longer than ${CODE_IMPORT_LIMITS.parseMs} ms and was stopped.`,
        );
      }
      return tree;
    } finally {
      parser.delete();
    }
  }
}

/** Every node under `root` (root first, document order), walked without recursion. */
export function* walk(root: Node): Generator<Node> {
  const cursor = root.walk();
  try {
    let visited = 0;
    for (;;) {
      if (++visited > CODE_IMPORT_LIMITS.maxNodes) {
        throw new CodeImportError('code_too_complex', 'The file has too many syntax nodes.');
      }
      yield cursor.currentNode;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The 1-based line a node starts on. */
export const lineOf = (node: Node): number => node.startPosition.row + 1;
