/**
 * Canonical serialisation: the same document always gives the same bytes. Known objects keep the
 * order of the schema (what a person expects to read); free-form objects (a tool's parameter
 * schema, turn limits) are sorted by key. 2-space indent, trailing newline. Absent optional
 * fields stay absent. `parseWorkflowText(serializeWorkflow(doc))` returns `doc` again.
 */
import type { Agent, Handoff, Tool, Workflow } from './schema';
import type { Expectations, TestCase } from './testCases';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where the app serves the JSON Schema of format version 1, relative to the app's root. */
export const WORKFLOW_SCHEMA_PATH = 'schema/workflow.v1.json';
/**
 * The schema as `npm start` serves it: what the CLI writes into exported files unless told the
 * app's address (`--schema-url`). The app writes the address it is served from.
 */
export const DEFAULT_SCHEMA_URL = `http://127.0.0.1:5173/${WORKFLOW_SCHEMA_PATH}`;

export interface SerializeOptions {
  /**
   * For files leaving the app (downloads, `cli export`): the absolute URL to write as
   * `$schema` when the document has none or a relative one (the examples' `../schema/…`
   * resolves only beside the app's own files). An absolute `$schema` is kept.
   */
  schemaUrl?: string;
}

export function serializeWorkflow(doc: Workflow, options: SerializeOptions = {}): string {
  const { schemaUrl } = options;
  const out =
    schemaUrl !== undefined && !isAbsoluteUrl(doc.$schema) ? { ...doc, $schema: schemaUrl } : doc;
  return `${JSON.stringify(toCanonical(out), null, 2)}\n`;
}

/** True for a URL with a scheme (`https:`, `http:`, `file:` …); false for a relative one. */
export function isAbsoluteUrl(value: string | undefined): boolean {
  return value !== undefined && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value);
}

/** The document as a plain JSON value with canonical key order. */
export function toCanonical(doc: Workflow): Json {
  return pick(doc, [
    ['$schema', identity],
    ['format', identity],
    ['version', identity],
    ['name', identity],
    ['description', identity],
    ['startAgent', identity],
    ['agents', (agents: Agent[]) => agents.map(canonicalAgent)],
    ['handoffs', (handoffs: Handoff[]) => handoffs.map(canonicalHandoff)],
    ['tools', (tools: Tool[]) => tools.map(canonicalTool)],
    [
      'interaction',
      (i: Workflow['interaction']) =>
        pick(i, [
          ['mode', identity],
          ['autonomousAgents', identity],
          ['autonomousPrompt', identity],
          ['turnLimits', sortedDeep],
          ['returnToPrevious', identity],
        ]),
    ],
    [
      'termination',
      (t: Workflow['termination']) =>
        pick(t, [
          ['maxMessages', identity],
          ['maxUserMessages', identity],
          ['keywords', identity],
          ['endOnTerminalAgent', identity],
          ['maxHandoffsPerTurn', identity],
          ['maxModelCallsPerTurn', identity],
        ]),
    ],
    [
      'defaults',
      (d: Workflow['defaults']) =>
        pick(d, [
          ['model', identity],
          ['temperature', identity],
        ]),
    ],
    ['tests', (tests: TestCase[]) => tests.map(canonicalTestCase)],
  ]);
}

function canonicalTestCase(test: TestCase): Json {
  return pick(test, [
    ['id', identity],
    ['name', identity],
    ['turns', identity],
    ['endConversation', identity],
    ['approvals', identity],
    [
      'expect',
      (e: Expectations) =>
        pick(e, [
          ['route', identity],
          ['reaches', identity],
          ['avoids', identity],
          [
            'avoidsHandoffs',
            (refs: NonNullable<Expectations['avoidsHandoffs']>) =>
              refs.map((r) =>
                pick(r, [
                  ['source', identity],
                  ['target', identity],
                ]),
              ),
          ],
          ['onlyAllowedHandoffs', identity],
          ['endAgent', identity],
          ['outcome', identity],
          ['completion', identity],
          [
            'tools',
            (tools: NonNullable<Expectations['tools']>) =>
              tools.map((t) =>
                pick(t, [
                  ['name', identity],
                  ['agent', identity],
                  ['arguments', sortedDeep],
                  ['called', identity],
                ]),
              ),
          ],
          ['maxHandoffs', identity],
          ['maxModelCalls', identity],
          [
            'messages',
            (messages: NonNullable<Expectations['messages']>) =>
              messages.map((m) =>
                pick(m, [
                  ['agent', identity],
                  ['which', identity],
                  ['contains', identity],
                  ['matches', identity],
                ]),
              ),
          ],
        ]),
    ],
    ['passRate', identity],
  ]);
}

function canonicalAgent(agent: Agent): Json {
  return pick(agent, [
    ['name', identity],
    ['description', identity],
    ['instructions', identity],
    ['model', identity],
    ['tools', identity],
    [
      'position',
      (p: NonNullable<Agent['position']>) =>
        pick(p, [
          ['x', identity],
          ['y', identity],
        ]),
    ],
  ]);
}

function canonicalHandoff(edge: Handoff): Json {
  return pick(edge, [
    ['source', identity],
    ['target', identity],
    ['description', identity],
  ]);
}

function canonicalTool(tool: Tool): Json {
  return pick(tool, [
    ['name', identity],
    ['description', identity],
    ['parameters', sortedDeep],
    ['approval', identity],
    ['result', identity],
  ]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field table over mixed types
type Field<T> = readonly [keyof T & string, (value: any) => Json];

function pick<T extends object>(source: T, fields: ReadonlyArray<Field<T>>): Json {
  const out: { [key: string]: Json } = {};
  for (const [key, map] of fields) {
    const value = source[key];
    if (value !== undefined) out[key] = map(value);
  }
  return out;
}

function identity(value: unknown): Json {
  return value as Json;
}

/**
 * Sorts object keys at every level. Depth is bounded by the parser (LIMITS.maxDepth), so the
 * recursion cannot overflow. `__proto__` never reaches here (the parser refuses it).
 */
function sortedDeep(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value === null || typeof value !== 'object') return value as Json;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) {
    out[key] = sortedDeep((value as Record<string, unknown>)[key]);
  }
  return out;
}
