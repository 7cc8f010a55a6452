/**
 * Reading a workflow document: text → JSON → guards → migrations → zod. Every entry point returns
 * either the document or the complete list of problems, each with its JSON path; none throws on
 * bad input and none can be made to hang or overflow the stack by it.
 */
import type { z } from 'zod';
import { stripByteOrderMark } from './bom';
import { FORBIDDEN_KEYS, impliedMeshExcess, LIMITS } from './limits';
import { migrate, type Migration, MIGRATIONS } from './migrations';
import { findJsonSyntaxError } from './parseJsonError';
import { formatPath, type PathSegment } from './path';
import { workflowSchema, type Workflow } from './schema';

/** One reason a document was refused. `path` is a JSON path like `agents[2].name` ("" = root). */
export interface Problem {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; doc: Workflow } | { ok: false; problems: Problem[] };

export interface ParseOptions {
  /** Migrations to apply to older versions (tests inject their own). */
  migrations?: readonly Migration[];
}

const fail = (path: string, message: string): ParseResult => ({
  ok: false,
  problems: [{ path, message }],
});

/** Parses document text (a file, a paste, the JSON editor); a leading byte-order mark is dropped. */
export function parseWorkflowText(input: string, options?: ParseOptions): ParseResult {
  const text = stripByteOrderMark(input);
  if (text.length > LIMITS.maxDocumentChars) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return fail(
      '',
      `The file is too large (${mb(text.length)} MB); documents are limited to ` +
        `${mb(LIMITS.maxDocumentChars)} MB.`,
    );
  }
  // Measure nesting before JSON.parse so that later recursive code never sees a deep value.
  const depth = scanDepth(text);
  if (depth > LIMITS.maxDepth) {
    return fail('', `The JSON is nested ${depth} levels deep; at most ${LIMITS.maxDepth} allowed.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail('', `This is not valid JSON: ${describeJsonError(error, text)}`);
  }
  return parseWorkflow(raw, options);
}

/** Parses an already-decoded JSON value. */
export function parseWorkflow(raw: unknown, options?: ParseOptions): ParseResult {
  const guard = guardValue(raw);
  if (guard.length > 0) return { ok: false, problems: guard };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('', `A workflow document is a JSON object, not ${kindOf(raw)}.`);
  }
  const count = countProblems(raw as Record<string, unknown>);
  if (count.length > 0) return { ok: false, problems: count };

  const migrated = migrate(raw as Record<string, unknown>, options?.migrations ?? MIGRATIONS);
  if (!migrated.ok) return fail('version', migrated.message);

  const result = workflowSchema.safeParse(migrated.value);
  if (result.success) return { ok: true, doc: result.data };
  return {
    ok: false,
    problems: result.error.issues.flatMap((i) => toProblems(i, migrated.value)),
  };
}

/** Deepest bracket nesting of JSON text, ignoring brackets inside strings. Linear, no recursion. */
export function scanDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91 /* { [ */) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93 /* } ] */) depth--;
  }
  return max;
}

/**
 * Walks a decoded value iteratively: refuses excessive depth (for values that did not come from
 * text), forbidden keys, over-long strings and keys, and numbers out of range (JSON.parse reads
 * `1e309` as Infinity, which JSON cannot write back), each with its path.
 */
function guardValue(root: unknown): Problem[] {
  const problems: Problem[] = [];
  // Paths are kept as parent links and only spelled out for a problem: documents are large.
  type Frame = { value: unknown; key: PathSegment | null; parent: Frame | null; depth: number };
  const pathOf = (frame: Frame, extra?: string): string => {
    const segments: PathSegment[] = extra === undefined ? [] : [extra];
    for (let f: Frame | null = frame; f && f.key !== null; f = f.parent) segments.unshift(f.key);
    return formatPath(segments);
  };
  const stack: Frame[] = [{ value: root, key: null, parent: null, depth: 0 }];
  while (stack.length > 0 && problems.length < 100) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (typeof value === 'string') {
      if (value.length > LIMITS.maxStringChars) {
        problems.push({
          path: pathOf(frame),
          message: `text is too long (${value.length} characters; at most ${LIMITS.maxStringChars}).`,
        });
      }
      continue;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      problems.push({
        path: pathOf(frame),
        message:
          `the number is out of range (it reads as ${value}; ` +
          'numbers must be finite, at most about 1.8e308).',
      });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= LIMITS.maxDepth) {
      problems.push({
        path: pathOf(frame),
        message: `nested too deeply (at most ${LIMITS.maxDepth} levels).`,
      });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], key: i, parent: frame, depth: depth + 1 });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key.length > LIMITS.maxStringChars) {
        problems.push({
          path: pathOf(frame),
          message: `a key is too long (${key.length} characters; at most ${LIMITS.maxStringChars}).`,
        });
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({
          path: pathOf(frame, key),
          message: `the key "${key}" is not allowed in a workflow document.`,
        });
        continue;
      }
      const child = (value as Record<string, unknown>)[key];
      stack.push({ value: child, key, parent: frame, depth: depth + 1 });
    }
  }
  return problems;
}

function countProblems(raw: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const check = (key: 'agents' | 'handoffs' | 'tools', max: number) => {
    const list = raw[key];
    if (Array.isArray(list) && list.length > max) {
      problems.push({
        path: key,
        message: `${list.length} ${key} is more than this version handles (at most ${max}).`,
      });
    }
  };
  check('agents', LIMITS.maxAgents);
  check('handoffs', LIMITS.maxHandoffs);
  check('tools', LIMITS.maxTools);
  const { agents, handoffs } = raw;
  const implied = handoffs === undefined || (Array.isArray(handoffs) && handoffs.length === 0);
  if (implied && Array.isArray(agents) && agents.length <= LIMITS.maxAgents) {
    const excess = impliedMeshExcess(agents.length);
    if (excess) problems.push({ path: 'handoffs', message: excess });
  }
  return problems;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return `a ${typeof value}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  int: 'a whole number',
  record: 'an object',
};

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PathSegment, unknown>)[key];
  }
  return value;
}

function toProblems(issue: z.core.$ZodIssue, root: unknown): Problem[] {
  const path = issue.path as PathSegment[];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: `unknown field "${key}" (check the spelling; format version 1 has no such field).`,
      }));
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const received = valueAt(root, path);
      const message =
        received === undefined
          ? `this field is required (${expected}).`
          : issue.expected === 'int'
            ? `must be a whole number.`
            : `must be ${expected}, not ${kindOf(received)}.`;
      return [{ path: formatPath(path), message }];
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const message =
        path.length === 1 && path[0] === 'format'
          ? 'this is not a Handoff Studio workflow ("format" must be "handoff-workflow").'
          : issue.values.length === 1
            ? `must be ${values}.`
            : `must be one of ${values}.`;
      return [{ path: formatPath(path), message }];
    }
    case 'too_small':
      return [
        {
          path: formatPath(path),
          message:
            issue.origin === 'string' ? 'must not be empty.' : `must be at least ${issue.minimum}.`,
        },
      ];
    case 'too_big':
      return [
        {
          path: formatPath(path),
          message:
            issue.origin === 'string'
              ? `must be at most ${issue.maximum} characters.`
              : `must be at most ${issue.maximum}.`,
        },
      ];
    default:
      return [{ path: formatPath(path), message: issue.message }];
  }
}

/** "line L, column C: what", from our own scan (engines phrase JSON.parse errors differently). */
function describeJsonError(error: unknown, text: string): string {
  const found = findJsonSyntaxError(text);
  if (found) return `line ${found.line}, column ${found.column}: ${found.message}`;
  return error instanceof Error ? error.message : String(error);
}
