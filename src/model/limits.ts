/**
 * Size limits of a workflow document. They keep a bad or hostile file from hanging the app or the
 * CLI; real workflows are far below them. Documented in the README ("Document format").
 */
export const LIMITS = {
  /** Largest document text accepted, in bytes of UTF-16 code units (~ characters). */
  maxDocumentChars: 20 * 1024 * 1024,
  /** Deepest nesting of arrays and objects (tool parameter schemas included). */
  maxDepth: 64,
  maxAgents: 10_000,
  /**
   * Handoffs, written or implied: a document without handoffs implies n×(n−1) of them (the
   * mesh), which count too, so a mesh has at most 316 agents.
   */
  maxHandoffs: 100_000,
  maxTools: 1_000,
  /** Longest single string (instructions included) and longest object key. */
  maxStringChars: 200_000,
} as const;

/** Object keys that would reach an object's prototype when copied; refused anywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__']);
