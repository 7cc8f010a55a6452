/**
 * A persistent (immutable) list with structural sharing: items live in chunks of 32, so appending
 * or replacing one item copies one chunk and the chunk index, never the whole list. Trace states
 * hold their chat, turns and checkpoints in these, which makes keeping a snapshot every few
 * events cheap (the snapshots share all but the chunks that changed).
 */
const CHUNK = 32;

/** An immutable list; read it with `get`, `last`, `toArray`. */
export interface PList<T> {
  readonly chunks: readonly (readonly T[])[];
  readonly length: number;
}

const EMPTY: PList<never> = { chunks: [], length: 0 };

/** The empty list. */
export function emptyList<T>(): PList<T> {
  return EMPTY;
}

/** The list with `item` appended. */
export function push<T>(list: PList<T>, item: T): PList<T> {
  const { chunks, length } = list;
  if (length % CHUNK === 0) return { chunks: [...chunks, [item]], length: length + 1 };
  const lastIndex = chunks.length - 1;
  const copy = chunks.slice();
  copy[lastIndex] = [...chunks[lastIndex]!, item];
  return { chunks: copy, length: length + 1 };
}

/** The item at `index`, or undefined outside the list. */
export function get<T>(list: PList<T>, index: number): T | undefined {
  if (index < 0 || index >= list.length) return undefined;
  return list.chunks[Math.floor(index / CHUNK)]![index % CHUNK];
}

/** The last item. */
export function last<T>(list: PList<T>): T | undefined {
  return get(list, list.length - 1);
}

/** The list with the item at `index` replaced (the list itself when `index` is outside it). */
export function set<T>(list: PList<T>, index: number, item: T): PList<T> {
  if (index < 0 || index >= list.length) return list;
  const c = Math.floor(index / CHUNK);
  const chunk = list.chunks[c]!.slice();
  chunk[index % CHUNK] = item;
  const chunks = list.chunks.slice();
  chunks[c] = chunk;
  return { chunks, length: list.length };
}

/** The index of the last item that passes `test`, looking back at most `limit` items; else -1. */
export function findLastIndex<T>(
  list: PList<T>,
  test: (item: T) => boolean,
  limit = Infinity,
): number {
  const stop = Math.max(0, list.length - limit);
  for (let i = list.length - 1; i >= stop; i--) if (test(get(list, i)!)) return i;
  return -1;
}

/** The items as a plain array (a new array; the items are shared). */
export function toArray<T>(list: PList<T>): T[] {
  const out: T[] = [];
  for (const chunk of list.chunks) for (const item of chunk) out.push(item);
  return out;
}
