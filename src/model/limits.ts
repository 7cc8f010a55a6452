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

/** Most agents a document without handoffs may have: n×(n−1) ≤ LIMITS.maxHandoffs (316). */
export const MAX_MESH_AGENTS = Math.floor((1 + Math.sqrt(1 + 4 * LIMITS.maxHandoffs)) / 2);

/**
 * Why `agents` agents without handoffs are too many (the implied mesh counts against
 * LIMITS.maxHandoffs), or undefined when they are not. Shared by parsing and validation.
 */
export function impliedMeshExcess(agents: number): string | undefined {
  if (agents <= MAX_MESH_AGENTS) return undefined;
  return (
    `${agents} agents without handoffs imply ${agents * (agents - 1)} (every agent to every ` +
    `other), more than this version handles (at most ${LIMITS.maxHandoffs}). Draw the ` +
    `handoffs, or use at most ${MAX_MESH_AGENTS} agents.`
  );
}

/** Object keys that would reach an object's prototype when copied; refused anywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__']);
