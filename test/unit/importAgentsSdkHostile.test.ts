/**
 * Damaged and hostile Agents SDK trace files (docs/spec/import-trace.md#openai-agents-sdk): a
 * coded error (`invalid_trace`) or a note saying what was left out, in bounded time; never a
 * crash, a hang, or something made up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandoffStudioError } from '../../src/engine/errors';
import { importAgentsSdkTrace, AGENTS_SDK_LIMITS } from '../../src/import/trace/agentsSdk';
import { NOTES_PER_CODE } from '../../src/import/trace/agentsSdkNotes';

const fixture = readFileSync(
  join(__dirname, '../fixtures/traces/agents-sdk/support-desk.sensitive.ndjson'),
  'utf8',
);
const items = () => fixture.trim().split('\n');

function refused(json: unknown): HandoffStudioError {
  try {
    importAgentsSdkTrace(json);
  } catch (error) {
    expect(error).toBeInstanceOf(HandoffStudioError);
    return error as HandoffStudioError;
  }
  throw new Error('imported');
}

const span = (id: string, parent: string | null, data: Record<string, unknown>) => ({
  object: 'trace.span',
  id,
  trace_id: 'trace_1',
  parent_id: parent,
  started_at: '2026-12-04T21:00:00.000Z',
  ended_at: '2026-12-04T21:00:01.000Z',
  span_data: data,
  error: null,
});
const agent = (id: string, name: string, parent: string | null = null) =>
  span(id, parent, { type: 'agent', name, handoffs: [], tools: ['t'] });
const fn = (id: string, parent: string) =>
  span(id, parent, { type: 'function', name: 't', input: '', output: '' });

const timed = <T>(work: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
};

describe('damaged and hostile Agents SDK traces', () => {
  it.each([
    ['empty text', '', /empty/],
    ['a JSON array cut off', fixture.slice(0, 0) + `[${items().slice(0, 3).join(',')}`, /not JSON/],
    [
      'NDJSON with a bad line inside',
      [...items().slice(0, 2), '{oops', ...items().slice(2)].join('\n'),
      /line 3 is not JSON/,
    ],
    ['a number', 42, /not an OpenAI Agents SDK trace/],
    ['data that is not a list', { data: 5 }, /not an OpenAI Agents SDK trace/],
    ['a workflow document', { format: 'handoff-workflow' }, /not an OpenAI Agents SDK trace/],
    ['objects that are not spans', [1, 'x', null, { object: 'trace.span', id: 3 }], /no span/],
    ['only a trace object', [{ object: 'trace', id: 'trace_1' }], /no span/],
  ])('%s → invalid_trace', (_name, json, why) => {
    const error = refused(json);
    expect(error.code).toBe('invalid_trace');
    expect(error.message).toMatch(why);
  });

  it('keeps the lines before an NDJSON line cut off at the end (a processor stopped mid-write)', () => {
    const lines = items();
    const cut = [...lines.slice(0, -1), lines.at(-1)!.slice(0, 40)].join('\n');
    const { events, notes } = importAgentsSdkTrace(cut);
    expect(notes).toContainEqual(
      expect.objectContaining({ kind: 'left_out', code: 'truncated_line' }),
    );
    // The cut line was the last task span: the run has no end event, and says so.
    expect(events.some((e) => e.type === 'completed')).toBe(false);
    expect(notes).toContainEqual(
      expect.objectContaining({ kind: 'missing', code: 'run_unfinished' }),
    );
    expect(events.filter((e) => e.type === 'handoff')).toHaveLength(2);
  });

  it('leaves out spans with fields of the wrong type, with a note naming them', () => {
    const good = items().map((line) => JSON.parse(line) as Record<string, unknown>);
    const bad = [
      { ...good[1], id: 'span_bad_1', parent_id: 7 },
      { ...good[1], id: 'span_bad_2', span_data: 'generation' },
      { ...good[1], id: 'span_bad_3', started_at: 12 },
      { ...good[1], id: 'span_bad_4', error: 'boom' },
    ];
    const { notes, events } = importAgentsSdkTrace([...good, ...bad]);
    expect(notes.filter((n) => n.code === 'bad_field').map((n) => n.spanId)).toEqual([
      'span_bad_1',
      'span_bad_2',
      'span_bad_3',
      'span_bad_4',
    ]);
    expect(events).toEqual(importAgentsSdkTrace(good).events);
  });

  it('leaves out spans under a cycle of parent ids and imports the rest', () => {
    const trace = [
      agent('a', 'Alpha'),
      fn('f1', 'a'),
      span('x', 'y', { type: 'agent', name: 'Ghost', handoffs: [], tools: [] }),
      span('y', 'x', { type: 'agent', name: 'Ghost2', handoffs: [], tools: [] }),
      fn('under-cycle', 'x'),
      span('self', 'self', { type: 'agent', name: 'Self', handoffs: [], tools: [] }),
    ];
    const { workflow, notes } = importAgentsSdkTrace(trace);
    expect(workflow.agents.map((a) => a.name)).toEqual(['Alpha']);
    expect(
      notes
        .filter((n) => n.code === 'parent_cycle')
        .map((n) => n.spanId)
        .sort(),
    ).toEqual(['self', 'under-cycle', 'x', 'y']);
  });

  it('reads a span whose parent is missing as a root, and says so', () => {
    const { workflow, notes } = importAgentsSdkTrace([agent('a', 'Alpha', 'gone')]);
    expect(workflow.agents.map((a) => a.name)).toEqual(['Alpha']);
    expect(notes).toContainEqual(
      expect.objectContaining({ kind: 'missing', code: 'parent_missing', spanId: 'a' }),
    );
  });

  it('keeps one trace: items of another are left out', () => {
    const other = { ...agent('b', 'Beta'), trace_id: 'trace_2' };
    const { workflow, notes } = importAgentsSdkTrace([agent('a', 'Alpha'), other]);
    expect(workflow.agents.map((a) => a.name)).toEqual(['Alpha']);
    expect(notes).toContainEqual(expect.objectContaining({ code: 'other_trace', spanId: 'b' }));
  });

  it('imports a 5 MB trace in bounded time', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const lines = items().map((line) => {
      const item = JSON.parse(line) as { span_data?: { type?: string; output?: unknown } };
      if (item.span_data?.type === 'function') item.span_data.output = big;
      return JSON.stringify(item);
    });
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const { value, ms } = timed(() => importAgentsSdkTrace(text));
    expect(value.events.filter((e) => e.type === 'tool_result' && e.result === big)).toHaveLength(
      2,
    );
    expect(ms).toBeLessThan(5000);
  });

  it('imports 100,000 spans in bounded time; more are refused before the walk', () => {
    const spans: unknown[] = [agent('root', 'Alpha')];
    for (let i = 1; i < AGENTS_SDK_LIMITS.maxSpans; i += 1) spans.push(fn(`f${i}`, 'root'));
    const { value, ms } = timed(() => importAgentsSdkTrace(spans));
    expect(value.events.filter((e) => e.type === 'tool_call')).toHaveLength(
      AGENTS_SDK_LIMITS.maxSpans - 1,
    );
    expect(ms).toBeLessThan(10_000);
    spans.push(fn('one-too-many', 'root'));
    const over = timed(() => refused(spans));
    expect(over.value.message).toMatch(/too many spans/);
    expect(over.ms).toBeLessThan(5000);
  });

  it('walks 100,000 spans nested in one chain without recursion', () => {
    const spans: unknown[] = [agent('s0', 'Alpha')];
    for (let i = 1; i < 100_000; i += 1) {
      spans.push(span(`s${i}`, `s${i - 1}`, { type: 'custom', name: 'n', data: {} }));
    }
    const { value, ms } = timed(() => importAgentsSdkTrace(spans));
    expect(value.workflow.agents.map((a) => a.name)).toEqual(['Alpha']);
    expect(ms).toBeLessThan(10_000);
  });

  it('links 50,000 calls of one reply to their 50,000 function spans in bounded time', () => {
    const n = 50_000;
    const names = Array.from({ length: n }, (_, i) => `Agent ${i}`);
    const calls = Array.from({ length: n }, (_, i) => ({
      id: `call_${i}`,
      type: 'function',
      function: { name: 't', arguments: `{"i":${i}}` },
    }));
    const spans: unknown[] = [
      span('a', null, { type: 'agent', name: 'Alpha', handoffs: names, tools: ['t'] }),
      span('g', 'a', {
        type: 'generation',
        output: [{ choices: [{ message: { role: 'assistant', tool_calls: calls } }] }],
      }),
    ];
    for (let i = 0; i < n; i += 1) {
      spans.push({
        ...span(`f${i}`, 'a', { type: 'function', name: 't', input: '', output: `r${i}` }),
        started_at: `2026-12-04T21:00:0${1 + Math.floor(i / 10_000)}.${String(i % 1000).padStart(3, '0')}Z`,
      });
    }
    const { value, ms } = timed(() => importAgentsSdkTrace(spans));
    const results = value.events.filter((e) => e.type === 'tool_result');
    expect(results).toHaveLength(n);
    expect(value.workflow.handoffs).toHaveLength(n);
    expect(ms).toBeLessThan(10_000);
  });

  it('matches 49,000 function spans across a pause and resume in bounded time', () => {
    const n = 49_000;
    const at = (s: number, i: number) =>
      `2026-12-04T21:00:${String(s).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`;
    const spans: unknown[] = [
      {
        ...span('task1', null, { type: 'custom', name: 'task', data: { sdk_span_type: 'task' } }),
        started_at: at(0, 0),
      },
      {
        ...span('task2', null, { type: 'custom', name: 'task', data: { sdk_span_type: 'task' } }),
        started_at: at(30, 0),
      },
      { ...agent('a1', 'Alpha', 'task1'), started_at: at(0, 1) },
      { ...agent('a2', 'Alpha', 'task2'), started_at: at(30, 1) },
      { ...span('g', 'a1', { type: 'generation' }), started_at: at(0, 2) },
    ];
    for (let i = 0; i < n; i += 1) {
      spans.push({ ...fn(`w${i}`, 'a1'), started_at: at(1 + Math.floor(i / 5000), i) });
      spans.push({ ...fn(`r${i}`, 'a2'), started_at: at(31 + Math.floor(i / 5000), i) });
    }
    const { value, ms } = timed(() => importAgentsSdkTrace(spans));
    // The first task's calls are the approval waits of the second's: one call each, approved.
    expect(value.events.filter((e) => e.type === 'tool_call')).toHaveLength(n);
    expect(value.events.filter((e) => e.type === 'approval_resolved')).toHaveLength(n);
    expect(ms).toBeLessThan(10_000);
  });

  it('counts 100,000 bad spans in a few notes', () => {
    const spans: unknown[] = [agent('a', 'Alpha')];
    for (let i = 0; i < 100_000; i += 1) spans.push({ object: 'trace.span', id: `b${i}` });
    const { notes } = importAgentsSdkTrace(spans);
    const bad = notes.filter((n) => n.code === 'bad_field');
    expect(bad).toHaveLength(NOTES_PER_CODE + 1);
    expect(bad.at(-1)!.message).toContain(`${100_000 - NOTES_PER_CODE} more`);
  });

  it('refuses text over the size limit before parsing it', () => {
    const text = ' '.repeat(AGENTS_SDK_LIMITS.maxChars + 1);
    const { value, ms } = timed(() => refused(text));
    expect(value.message).toMatch(/too large/);
    expect(ms).toBeLessThan(2000);
  });

  it('keeps hostile names and text as data', () => {
    const trace = [
      agent('a', '<img src=x onerror=alert(1)>'),
      span('g', 'a', {
        type: 'generation',
        input: [{ role: 'user', content: '{{constructor}}' }],
        output: [{ role: 'assistant', content: '<script>alert(1)</script>' }],
      }),
    ];
    const { workflow, events } = importAgentsSdkTrace(trace);
    expect(workflow.agents[0]!.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'message', text: '<script>alert(1)</script>' }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'user_message', text: '{{constructor}}' }),
    );
  });
});
