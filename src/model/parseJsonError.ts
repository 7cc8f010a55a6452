/**
 * Where JSON text is broken, said the same way in every JavaScript engine: `JSON.parse` phrases
 * its errors per engine (V8 gives a position for some errors and none for others, other engines
 * give a line and column), so text that `JSON.parse` refused is scanned again here. Linear and
 * without recursion: the nesting is already bounded by the caller, but this does not rely on it.
 */

/** The first syntax error of a JSON text. `line` and `column` count from 1. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  /** What is wrong, in words, without the position. */
  message: string;
}

type Expect = 'value' | 'valueOrClose' | 'keyOrClose' | 'key' | 'colon' | 'commaOrClose' | 'end';

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const containers: Array<'{' | '['> = [];
  let expect = 'value' as Expect;
  let i = 0;
  const fail = (offset: number, message: string) => at(text, offset, message);
  const afterValue = () => {
    expect = containers.length > 0 ? 'commaOrClose' : 'end';
  };
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) {
      if (expect === 'end') return undefined;
      if (text.trim() === '') return fail(i, 'the text is empty; a workflow is a JSON object.');
      const open = containers[containers.length - 1];
      const closer = open === '{' ? '"}"' : open === '[' ? '"]"' : 'a value';
      return fail(i, `the text ends too early: ${closer} is missing.`);
    }
    const c = text[i]!;
    const top = containers[containers.length - 1];
    switch (expect) {
      case 'end':
        return fail(i, `unexpected ${show(c)} after the end of the JSON value.`);
      case 'colon':
        if (c !== ':') return fail(i, `expected ":" after the property name, found ${show(c)}.`);
        i++;
        expect = 'value';
        continue;
      case 'commaOrClose': {
        const closer = top === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if (c === closer) {
          i++;
          containers.pop();
          afterValue();
        } else {
          const where = top === '{' ? 'a property value' : 'an array item';
          return fail(i, `expected "," or "${closer}" after ${where}, found ${show(c)}.`);
        }
        continue;
      }
      case 'keyOrClose':
      case 'key':
        if (c === '}') {
          if (expect === 'key')
            return fail(i, 'a comma before "}" (trailing commas are not allowed).');
          i++;
          containers.pop();
          afterValue();
          continue;
        }
        if (c !== '"') {
          return fail(i, `expected a property name in double quotes, found ${show(c)}.`);
        }
        {
          const end = scanString(text, i);
          if (typeof end !== 'number') return fail(end.offset, end.message);
          i = end;
        }
        expect = 'colon';
        continue;
      case 'value':
      case 'valueOrClose': {
        if (c === ']') {
          if (expect === 'value' && top === '[') {
            return fail(i, 'a comma before "]" (trailing commas are not allowed).');
          }
          if (expect === 'valueOrClose') {
            i++;
            containers.pop();
            afterValue();
            continue;
          }
        }
        if (c === '{' || c === '[') {
          containers.push(c);
          i++;
          expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
          continue;
        }
        const end = scanScalar(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.message);
        i = end;
        afterValue();
        continue;
      }
    }
  }
}

interface Failure {
  offset: number;
  message: string;
}

function scanScalar(text: string, i: number): number | Failure {
  const c = text[i]!;
  if (c === '"') return scanString(text, i);
  if (c === '-' || (c >= '0' && c <= '9')) return scanNumber(text, i);
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0];
  if (word === 'true' || word === 'false' || word === 'null') return i + word.length;
  if (word) {
    return {
      offset: i,
      message: `unexpected word "${word}"; text must be in double quotes (or true, false, null).`,
    };
  }
  if (c === "'") return { offset: i, message: 'strings take double quotes, not single quotes.' };
  return { offset: i, message: `expected a value, found ${show(c)}.` };
}

function scanString(text: string, start: number): number | Failure {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) return i + 1;
    if (code < 0x20) {
      return {
        offset: i,
        message: 'a line break or control character inside a string (write it as \\n, \\t …).',
      };
    }
    if (code === 92 /* \ */) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { offset: i, message: '"\\u" must be followed by four hexadecimal digits.' };
        }
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        i++;
      } else {
        return { offset: i, message: `"\\${next ?? ''}" is not an escape JSON knows.` };
      }
    }
  }
  return { offset: start, message: 'this string is never closed (a " is missing).' };
}

function scanNumber(text: string, start: number): number | Failure {
  const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(start, start + 400));
  if (!match) return { offset: start, message: 'this is not a number JSON knows.' };
  const end = start + match[0].length;
  // A number runs into what follows (`1.`, `01`, `1e`): the number itself is malformed.
  if (end < text.length && /[\w.+-]/.test(text[end]!)) {
    return { offset: start, message: 'this is not a number JSON knows.' };
  }
  return end;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function show(c: string): string {
  if (c === '"') return "'\"'";
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0xfeff)
    return `the character U+${code.toString(16).padStart(4, '0')}`;
  return `"${c}"`;
}

function at(text: string, offset: number, message: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1, message };
}
