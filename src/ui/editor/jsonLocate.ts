/**
 * Where a JSON path (`agents[2].name`, `turnLimits["my agent"]`) is in JSON text: the offsets of
 * the value (or of the deepest part of the path that exists). Used to put the parse problems of
 * the JSON view at their place. A small scanner that stops at the first syntax error.
 */
import type { PathSegment } from '../../model/path';

export interface TextRange {
  start: number;
  end: number;
}

/** Splits a path written by `formatPath` back into segments. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_$][A-Za-z0-9_$]*)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(path)) !== null) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else if (match[3] !== undefined) segments.push(match[3]);
    if (pattern.lastIndex >= path.length) break;
  }
  return segments;
}

/**
 * The range of the value at `path` in `text`; for a missing key, the range of the object that
 * should hold it; undefined when the text cannot be scanned that far.
 */
export function locatePath(text: string, path: string): TextRange | undefined {
  const target = parsePath(path);
  let i = 0;
  let best: TextRange | undefined;

  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const readString = (): string | undefined => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return undefined;
    }
  };
  /** Scans one value; `depth` segments of the path lead to it (`onPath`: it is on the path). */
  const value = (depth: number, onPath: boolean): boolean => {
    skipSpace();
    const start = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      let index = 0;
      for (;;) {
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) break;
        let key: PathSegment = index;
        if (c === '{') {
          if (text[i] !== '"') return false;
          const name = readString();
          if (name === undefined) return false;
          key = name;
          skipSpace();
          if (text[i] !== ':') return false;
          i++;
        }
        const child = onPath && depth < target.length && target[depth] === key;
        if (!value(depth + 1, child)) return false;
        skipSpace();
        index++;
        if (text[i] === ',') i++;
        else if (text[i] !== (c === '{' ? '}' : ']')) return false;
      }
      i++;
    } else if (c === '"') {
      if (readString() === undefined) return false;
    } else {
      const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
      if (!m) return false;
      i += m[0].length;
    }
    // The deepest value on the path wins; callers see the parent of a missing key.
    if (onPath && (!best || depth === target.length)) best = { start, end: i };
    return true;
  };
  value(0, true);
  return best;
}
