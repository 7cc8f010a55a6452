/**
 * The one-click sample message (src/runs/sample.ts) and the one status vocabulary of the Run
 * panel (src/runs/status.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startRun, type ListedRunStatus, type RunEvent, type TraceStatus } from '../../src/engine';
import { newWorkflow } from '../../src/model/edit';
import { parseWorkflowText, type Workflow } from '../../src/model';
import { createSimulatorProvider } from '../../src/providers/simulator';
import { runStatus, sampleMessage } from '../../src/runs';

function example(file: string): Workflow {
  const parsed = parseWorkflowText(readFileSync(`public/examples/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.doc;
}

describe('sampleMessage', () => {
  for (const file of readdirSync('public/examples').filter((f) => f.endsWith('.json'))) {
    it(`${file}: its sample starts a run that hands off on the simulator`, async () => {
      const doc = example(file);
      const input = sampleMessage(doc);
      expect(input).toBeTruthy();
      const handle = startRun({
        document: doc,
        provider: createSimulatorProvider({ document: doc }),
        input: input!,
      });
      const seen: RunEvent[] = [];
      for await (const event of handle.events) {
        seen.push(event);
        if (event.type === 'handoff' || seen.length > 200) break;
      }
      handle.stop();
      await handle.done;
      expect(seen.some((e) => e.type === 'handoff')).toBe(true);
    });
  }

  it('derives one from any other document, and offers none without agents', () => {
    expect(sampleMessage(newWorkflow('Empty'))).toBeUndefined();
    const doc = example('customer_support.json');
    const mine = { ...doc, name: 'my_support' };
    expect(sampleMessage(mine)).toBe('Customer wants money back for an order.');
    expect(sampleMessage({ ...mine, handoffs: [], description: 'Answers questions.' })).toBe(
      'Answers questions.',
    );
  });
});

describe('runStatus', () => {
  it('says waiting, paused at a breakpoint, interrupted: what the run is doing', () => {
    expect(runStatus({ trace: { status: 'waiting' } }).text).toBe('waiting for you');
    const at = { kind: 'agent' as const, agent: 'a' };
    expect(runStatus({ trace: { status: 'running', breakpoint: at } })).toEqual({
      text: 'paused at breakpoint',
      tone: 'paused',
    });
    expect(runStatus({ trace: { status: 'running' }, interrupted: true }).text).toBe('interrupted');
    expect(runStatus({ status: 'paused' }).text).toBe('waiting for you');
    expect(runStatus({ status: 'interrupted' }).text).toBe('interrupted');
    expect(runStatus({ status: 'completed' }).text).toBe('completed');
  });
});

describe('runStatus: one vocabulary, the same words from every layer', () => {
  const traceStatuses: TraceStatus[] = [
    'idle',
    'running',
    'waiting',
    'completed',
    'failed',
    'stopped',
  ];
  const listed: ListedRunStatus[] = [
    'running',
    'paused',
    'completed',
    'failed',
    'stopped',
    'live',
    'interrupted',
  ];

  it('says a run that ended the same way whether its trace is shown or only listed', () => {
    for (const status of ['completed', 'failed', 'stopped', 'running'] as const) {
      expect(runStatus({ trace: { status } })).toEqual(runStatus({ status }));
    }
    expect(runStatus({ status: 'live' })).toEqual(runStatus({ trace: { status: 'running' } }));
    expect(runStatus({ status: 'paused' })).toEqual(runStatus({ trace: { status: 'waiting' } }));
  });

  it('has words and a tone for every status a trace or the run list can carry', () => {
    for (const status of traceStatuses) {
      const said = runStatus({ trace: { status } });
      expect(said.text, status).not.toBe('');
      expect(said.tone, status).toMatch(/^[a-z]+$/);
    }
    for (const status of listed) {
      const said = runStatus({ status });
      expect(said.text, status).not.toBe('');
      expect(said.tone, status).toMatch(/^[a-z]+$/);
    }
    expect(runStatus({ trace: { status: 'idle' } }).text).toBe('starting');
    expect(runStatus({ status: 'stopped' }).text).toBe('stopped');
    expect(runStatus({ status: 'failed' }).text).toBe('failed');
  });
});
