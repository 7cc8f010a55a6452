import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import {
  DEFAULT_SCHEMA_URL,
  parseWorkflowText,
  serializeWorkflow,
  WORKFLOW_SCHEMA_PATH,
  type Workflow,
} from '../../src/model';
import { doc } from '../support/docs';

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,12}$/);
const text = fc.string({ unit: 'binary', maxLength: 40 });
const jsonLeaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const jsonKey = fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__');
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    jsonLeaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(jsonKey, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Raw documents as people write them: optional fields present or not, any key order. */
const rawDocument = fc
  .record({
    names: fc.uniqueArray(name, { minLength: 1, maxLength: 6 }),
    description: fc.option(text, { nil: undefined }),
    agentFields: fc.array(
      fc.record(
        {
          description: text,
          instructions: text,
          model: fc.option(name, { nil: undefined }),
          position: fc.record({
            x: fc.double({ noNaN: true, noDefaultInfinity: true }),
            y: fc.integer(),
          }),
        },
        { requiredKeys: [] },
      ),
      { minLength: 6, maxLength: 6 },
    ),
    edges: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.option(text, { nil: undefined })), {
      maxLength: 8,
    }),
    tools: fc.array(
      fc.record(
        {
          description: text,
          parameters: fc.dictionary(jsonKey, jsonValue, { maxKeys: 4 }),
          approval: fc.constantFrom('always_require', 'never_require'),
          result: text,
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
    interaction: fc.record(
      {
        mode: fc.constantFrom('interactive', 'autonomous'),
        autonomousPrompt: text,
        turnLimits: fc.dictionary(name, fc.integer({ min: -3, max: 60 }), { maxKeys: 3 }),
        returnToPrevious: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    termination: fc.record(
      {
        maxMessages: fc.integer({ min: 0, max: 100 }),
        keywords: fc.array(text, { maxLength: 2 }),
        endOnTerminalAgent: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    temperature: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
  })
  .map((r) => ({
    format: 'handoff-workflow',
    version: 1,
    name: 'generated',
    ...(r.description === undefined ? {} : { description: r.description }),
    startAgent: r.names[0]!,
    agents: r.names.map((n, i) => ({ name: n, ...r.agentFields[i] })),
    handoffs: r.edges.map(([s, t, d]) => ({
      source: r.names[s % r.names.length]!,
      target: r.names[t % r.names.length]!,
      ...(d === undefined ? {} : { description: d }),
    })),
    tools: r.tools.map((t, i) => ({ name: `tool_${i}`, ...t })),
    interaction: r.interaction,
    termination: r.termination,
    defaults: r.temperature === undefined ? {} : { temperature: r.temperature },
  }));

function reparse(text: string): Workflow {
  const result = parseWorkflowText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

describe('serializeWorkflow', () => {
  it('import → export → import is the identity (generated documents)', () => {
    fc.assert(
      fc.property(rawDocument, (raw) => {
        const first = reparse(JSON.stringify(raw));
        const exported = serializeWorkflow(first);
        const second = reparse(exported);
        expect(second).toEqual(first);
        expect(serializeWorkflow(second)).toBe(exported);
      }),
      { numRuns: 300 },
    );
  });

  it('is independent of the key order of the input', () => {
    fc.assert(
      fc.property(rawDocument, (raw) => {
        const reversed = JSON.parse(JSON.stringify(raw), (_key, value: unknown) =>
          value && typeof value === 'object' && !Array.isArray(value)
            ? Object.fromEntries(Object.entries(value).reverse())
            : value,
        ) as unknown;
        expect(serializeWorkflow(reparse(JSON.stringify(reversed)))).toBe(
          serializeWorkflow(reparse(JSON.stringify(raw))),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('uses schema order, 2-space indent and a trailing newline', () => {
    const text = serializeWorkflow(
      doc({
        agents: [{ tools: [], name: 'a', position: { y: 2, x: 1 } }],
        tools: [{ name: 't', parameters: { type: 'object', properties: { b: {}, a: {} } } }],
      }),
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'format',
      'version',
      'name',
      'description',
      'startAgent',
      'agents',
      'handoffs',
      'tools',
      'interaction',
      'termination',
      'defaults',
    ]);
    expect(text).toContain('  "format": "handoff-workflow",\n');
    expect(text).toMatch(/"position": \{\n\s+"x": 1,\n\s+"y": 2\n/);
    // free-form objects are sorted, so equal schemas give equal bytes
    expect(text.indexOf('"a": {}')).toBeLessThan(text.indexOf('"b": {}'));
  });
});

describe('$schema of files leaving the app', () => {
  const url = 'https://studio.example/schema/workflow.v1.json';
  const read = (source: string) => {
    const parsed = parseWorkflowText(source);
    if (!parsed.ok) throw new Error('refused');
    return parsed.doc;
  };

  it('replaces a relative $schema (old files stay importable) and adds a missing one', () => {
    const old = read(readFileSync('public/examples/customer_support.json', 'utf8'));
    expect(old.$schema).toBe('../schema/workflow.v1.json');
    const out = serializeWorkflow(old, { schemaUrl: url });
    expect(JSON.parse(out).$schema).toBe(url);
    expect(out.startsWith(`{\n  "$schema": "${url}",\n  "format"`)).toBe(true);
    const bare = doc({ agents: [{ name: 'a' }] });
    expect(JSON.parse(serializeWorkflow(bare, { schemaUrl: url })).$schema).toBe(url);
  });

  it('keeps an absolute $schema, and the canonical form keeps what the document says', () => {
    const own = doc({ $schema: 'https://elsewhere.example/s.json', agents: [{ name: 'a' }] });
    expect(JSON.parse(serializeWorkflow(own, { schemaUrl: url })).$schema).toBe(
      'https://elsewhere.example/s.json',
    );
    const old = read(readFileSync('public/examples/customer_support.json', 'utf8'));
    expect(serializeWorkflow(old)).toBe(
      readFileSync('public/examples/customer_support.json', 'utf8'),
    );
  });

  it('names the schema the app serves', () => {
    expect(DEFAULT_SCHEMA_URL).toBe(`http://127.0.0.1:5173/${WORKFLOW_SCHEMA_PATH}`);
    expect(existsSync(`public/${WORKFLOW_SCHEMA_PATH}`)).toBe(true);
  });
});
