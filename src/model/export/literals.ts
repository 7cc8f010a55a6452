/**
 * Safe literals and identifiers for the code exporters. A workflow document is untrusted data:
 * every user string reaches generated code only through these functions, so that no description,
 * name or template can end a string literal or a comment early, or hide code behind invisible or
 * bidirectional characters.
 */

/**
 * Characters that are escaped even though JSON allows them raw: C0/C1 controls, line and
 * paragraph separators (they end a C# line comment), soft hyphen, zero-width and bidirectional
 * controls (Trojan Source), byte order marks and every other format character (`\p{Cf}`).
 */
const RISKY = /[\u007f-\u009f\u2028\u2029]|\p{Cf}/gu;

function hexEscape(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code > 0xffff) return `\\U${code.toString(16).padStart(8, '0')}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A double-quoted string literal valid in Python, C# (regular, non-verbatim) and JSON: the JSON
 * escapes (`\"`, `\\`, `\n`, `\uXXXX` for controls and lone surrogates) are common to all three,
 * and risky invisible characters are escaped as `\uXXXX` / `\UXXXXXXXX` too.
 */
export function quoted(value: string): string {
  return JSON.stringify(value).replace(RISKY, hexEscape);
}

/** A Python string literal. */
export const pyString = quoted;

/** A C# regular string literal. */
export const csString = quoted;

/**
 * A user value shown inside a single-line comment (`#` or `//`): quoted and escaped, so that it
 * contains no line terminator of any language and cannot end the comment.
 */
export const commentValue = quoted;

/** A JSON value as a Python expression (dicts, lists, str, int/float, True/False/None). */
export function pyValue(value: unknown, indent = 0): string {
  const pad = '    '.repeat(indent + 1);
  const end = '    '.repeat(indent);
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${pyValue(v, indent + 1)},\n`).join('')}${end}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const body = entries
      .map(([k, v]) => `${pad}${pyString(k)}: ${pyValue(v, indent + 1)},\n`)
      .join('');
    return `{\n${body}${end}}`;
  }
  return 'None';
}

const PYTHON_KEYWORDS =
  'False None True and as assert async await break class continue def del elif else except ' +
  'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
  'with yield match case type _';
const PYTHON_BUILTINS =
  'ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup ' +
  'BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError ' +
  'ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError ' +
  'DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ' +
  'ExceptionGroup FileExistsError FileNotFoundError FloatingPointError FutureWarning ' +
  'GeneratorExit IOError ImportError ImportWarning IndentationError IndexError ' +
  'InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ' +
  'ModuleNotFoundError NameError NotADirectoryError NotImplemented NotImplementedError OSError ' +
  'OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ' +
  'ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration ' +
  'SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError ' +
  'UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError ' +
  'UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError abs ' +
  'aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod ' +
  'compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter ' +
  'float format frozenset getattr globals hasattr hash help hex id input int isinstance ' +
  'issubclass iter len license list locals map max memoryview min next object oct open ord ' +
  'pow print property quit range repr reversed round set setattr slice sorted staticmethod str ' +
  'sum super tuple type vars zip';

/** Names a generated Python module may not use for agents or tools. */
export const PYTHON_RESERVED: ReadonlySet<string> = new Set([
  ...PYTHON_KEYWORDS.split(' '),
  ...PYTHON_BUILTINS.split(' '),
]);

const CSHARP_KEYWORDS =
  'abstract as base bool break byte case catch char checked class const continue decimal ' +
  'default delegate do double else enum event explicit extern false finally fixed float for ' +
  'foreach goto if implicit in int interface internal is lock long namespace new null object ' +
  'operator out override params private protected public readonly ref return sbyte sealed ' +
  'short sizeof stackalloc static string struct switch this throw true try typeof uint ulong ' +
  'unchecked unsafe ushort using virtual void volatile while add alias and args ascending ' +
  'async await by descending dynamic equals field file from get global group init into join ' +
  'let managed nameof nint not notnull nuint on or orderby partial record remove required ' +
  'scoped select set unmanaged value var when where with yield _';

/** Names a generated C# file may not use for agents or tools. */
export const CSHARP_RESERVED: ReadonlySet<string> = new Set(CSHARP_KEYWORDS.split(' '));

/**
 * Hands out unique identifiers derived from names: ASCII letters, digits and `_` only, never
 * starting with a digit, never a reserved word, never one already given out.
 */
export class IdentifierAllocator {
  private readonly used = new Set<string>();
  /**
   * The next suffix to try for each base: later calls for a base start where the last one ended
   * (the numbers below were taken then and still are), so 10,000 names that all map to the same
   * base (`a-b`, `a_b` …) cost linear time, not quadratic.
   */
  private readonly nextSuffix = new Map<string, number>();

  constructor(
    private readonly reserved: ReadonlySet<string>,
    taken: Iterable<string> = [],
  ) {
    for (const name of taken) this.used.add(name);
  }

  /** A fresh identifier for `name` (with an optional prefix such as `tool_`). */
  allocate(name: string, prefix = ''): string {
    let base = `${prefix}${name}`.replace(/[^A-Za-z0-9_]/g, '_');
    if (base === '' || /^[0-9]/.test(base)) base = `_${base}`;
    if (this.reserved.has(base)) base = `${base}_`;
    const taken = (id: string) => this.used.has(id) || this.reserved.has(id);
    let candidate = base;
    if (taken(candidate)) {
      let n = this.nextSuffix.get(base) ?? 2;
      for (candidate = `${base}_${n}`; taken(candidate);) candidate = `${base}_${++n}`;
      this.nextSuffix.set(base, n + 1);
    }
    this.used.add(candidate);
    return candidate;
  }
}
