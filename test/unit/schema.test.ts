import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workflowJsonSchema } from '../../src/model';
import { SCHEMA_FILE, schemaFileText } from '../../scripts/schemaFile';

describe('published JSON Schema', () => {
  it('matches the zod schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText());
  });

  it('describes every field', () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [key, child] of Object.entries(properties ?? {})) {
        if (typeof child.description !== 'string' || child.description.length < 5) {
          undocumented.push(`${path}.${key}`);
        }
        visit(child, `${path}.${key}`);
      }
      if (schema.items) visit(schema.items, `${path}[]`);
      if (schema.additionalProperties) visit(schema.additionalProperties, `${path}{}`);
    };
    visit(workflowJsonSchema(), '$');
    expect(undocumented).toEqual([]);
  });

  it('uses the field names of the format contract (docs/spec/document.md)', () => {
    const schema = workflowJsonSchema() as {
      properties: Record<
        string,
        { properties?: Record<string, unknown>; items?: { properties: Record<string, unknown> } }
      >;
      required: string[];
    };
    const p = schema.properties;
    expect(Object.keys(p)).toEqual(
      expect.arrayContaining([
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
      ]),
    );
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'version', 'name', 'startAgent', 'agents']),
    );
    expect(Object.keys(p.agents!.items!.properties)).toEqual([
      'name',
      'description',
      'instructions',
      'model',
      'tools',
      'position',
    ]);
    expect(Object.keys(p.handoffs!.items!.properties)).toEqual(['source', 'target', 'description']);
    expect(Object.keys(p.tools!.items!.properties)).toEqual([
      'name',
      'description',
      'parameters',
      'approval',
      'result',
    ]);
    expect(Object.keys(p.interaction!.properties!)).toEqual([
      'mode',
      'autonomousAgents',
      'autonomousPrompt',
      'turnLimits',
      'returnToPrevious',
    ]);
    expect(Object.keys(p.termination!.properties!)).toEqual([
      'maxMessages',
      'maxUserMessages',
      'keywords',
      'endOnTerminalAgent',
      'maxHandoffsPerTurn',
      'maxModelCallsPerTurn',
    ]);
    expect(Object.keys(p.defaults!.properties!)).toEqual(['model', 'temperature']);
  });
});
