/**
 * `documentHash(doc)`: a stable fingerprint of a workflow's canonical form, so a resume can tell
 * whether the document changed since a checkpoint. FNV-1a 64 over the UTF-8 bytes, in pure
 * TypeScript (no node:crypto, no async WebCrypto), with two 32-bit halves instead of BigInt for
 * speed on large documents. Not a security hash.
 */
import { serializeWorkflow, type Workflow } from '../model';

/**
 * `fnv1a64:` followed by 16 hex digits. Equal for documents with equal canonical text, leaving
 * out the routing tests (`tests`): they are not part of what a run follows, so editing them keeps
 * stored runs resumable and suite results filed under the same workflow version.
 */
export function documentHash(doc: Workflow): string {
  const { tests: _tests, ...followed } = doc;
  return `fnv1a64:${fnv1a64(serializeWorkflow(followed))}`;
}

/** FNV-1a 64 of a string's UTF-8 bytes, as 16 hex digits. */
export function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of bytes) {
    lo = (lo ^ byte) >>> 0;
    // h * (2^40 + 0x1b3) mod 2^64, split into 32-bit halves; every sum stays below 2^53.
    const loProduct = lo * 0x1b3;
    const carry = Math.floor(loProduct / 0x100000000);
    const newLo = loProduct >>> 0;
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = newLo;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
