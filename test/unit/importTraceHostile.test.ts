/**
 * Damaged and hostile trace files: a coded error (`invalid_trace`) saying what is wrong, in
 * bounded time; never a crash, a hang, or something made up.
 */
import { describe, expect, it } from 'vitest';
import { HandoffStudioError } from '../../src/engine/errors';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTrace, looksLikeTrace, TRACE_LIMITS } from '../../src/import/trace';

function refused(text: string): HandoffStudioError {
  try {
    importTrace(text);
  } catch (error) {
    expect(error).toBeInstanceOf(HandoffStudioError);
    return error as HandoffStudioError;
  }
  throw new Error('imported');
}

const span = (over: Record<string, unknown> = {}) => ({
  traceId: 'a'.repeat(32),
  spanId: 'b'.repeat(16),
  name: 'invoke_agent triage',
  startTimeUnixNano: '1',
  endTimeUnixNano: '2',
  attributes: [
    { key: 'gen_ai.operation.name', value: { stringValue: 'invoke_agent' } },
    { key: 'gen_ai.agent.name', value: { stringValue: 'triage' } },
  ],
  ...over,
});
const otlp = (spans: unknown[]) =>
  JSON.stringify({ resourceSpans: [{ resource: {}, scopeSpans: [{ spans }] }] });

describe('damaged and hostile traces', () => {
  it.each([
    ['empty', '', /empty/],
    ['not JSON', '{"resourceSpans": [', /not JSON/],
    ['JSON of another kind', '{"format": "handoff-workflow"}', /neither OTLP/],
    ['a number', '42', /neither OTLP/],
    ['JSON lines with a bad line', `${otlp([span()])}\n{oops\n`, /line 2 is not JSON/],
    ['too deep', `${'['.repeat(5000)}${']'.repeat(5000)}`, /nested too deeply/],
    ['no agent invocation', otlp([span({ attributes: [] })]), /no invoke_agent/],
    ['spans that are not spans', otlp([1, 'x', null, { name: 3 }]), /no invoke_agent/],
  ])('%s → invalid_trace', (_name, text, why) => {
    const error = refused(text);
    expect(error.code).toBe('invalid_trace');
    expect(error.message).toMatch(why);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const text = ' '.repeat(TRACE_LIMITS.maxChars + 1);
    const started = performance.now();
    expect(refused(text).message).toMatch(/too large/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses more spans than the limit, quickly', () => {
    const many = Array.from({ length: TRACE_LIMITS.maxSpans + 1 }, (_, i) =>
      span({ spanId: i.toString(16).padStart(16, '0') }),
    );
    const started = performance.now();
    expect(refused(otlp(many)).message).toMatch(/more than 100000 spans/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('keeps hostile keys and deep attribute JSON as data', () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const imported = importTrace(
      otlp([
        span({
          attributes: [
            { key: 'gen_ai.operation.name', value: { stringValue: 'invoke_agent' } },
            { key: 'gen_ai.agent.name', value: { stringValue: 'triage' } },
            { key: 'gen_ai.tool.definitions', value: { stringValue: deep } },
            { key: 'gen_ai.output.messages', value: { stringValue: '{"__proto__": {"x": 1}}' } },
            {
              key: '__proto__',
              value: { kvlistValue: { values: [{ key: '__proto__', value: {} }] } },
            },
          ],
        }),
      ]),
    );
    expect(imported.workflow.agents.map((a) => a.name)).toEqual(['triage']);
    expect(imported.workflow.handoffs).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('leaves out spans without ids or times and says so', () => {
    const imported = importTrace(otlp([span(), span({ spanId: 'not hex', name: 'x' })]));
    expect(imported.notes.map((n) => [n.kind, n.code])).toContainEqual([
      'left_out',
      'span_unreadable',
    ]);
  });

  it('refuses an Agents SDK shape with no usable span with its own code', () => {
    const error = refused(
      JSON.stringify({ traces: [], spans: [{ span_data: { type: 'agent' } }] }),
    );
    expect(error.code).toBe('invalid_trace');
  });
});

describe('an Agents SDK trace in each shape its processors write', () => {
  const ndjson = readFileSync(
    'test/fixtures/traces/agents-sdk/support-desk.sensitive.ndjson',
    'utf8',
  );
  const items = ndjson
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
  const expected = importTrace(ndjson);

  it.each([
    ['NDJSON', ndjson],
    ['a JSON array', JSON.stringify(items)],
    ['the ingest body { data: [...] }', JSON.stringify({ data: items })],
  ])('%s goes to the Agents SDK importer', (_shape, text) => {
    const imported = importTrace(text);
    expect(imported.format).toBe('agents-sdk');
    expect(imported.events).toEqual(expected.events);
    expect(imported.events.some((e) => e.type === 'handoff')).toBe(true);
  });
});

describe('what a dropped file is', () => {
  const files = (dir: string, end: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith(end))
      .map((f) => join(dir, f));

  it.each([...files('public/examples', '.json'), ...files('test/fixtures/runs', '.run.json')])(
    '%s is not a trace (it goes to the workflow import as before)',
    (path) => {
      expect(looksLikeTrace(readFileSync(path, 'utf8'))).toBe(false);
    },
  );

  it.each(files('test/fixtures/traces', '.json'))('%s is a trace', (path) => {
    expect(looksLikeTrace(readFileSync(path, 'utf8'))).toBe(true);
  });
});
