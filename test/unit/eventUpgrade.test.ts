/** Events of earlier versions get the structured fields the trace reads (src/runs/eventUpgrade). */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine';
import { upgradeEvents } from '../../src/runs/eventUpgrade';
import { reduceAll, traceForAgent } from '../../src/trace';

/** A forbidden handoff attempt as session 2 wrote it: no handoffTarget, a warning with prose only. */
const legacy: RunEvent[] = [
  { seq: 1, type: 'run_started', runId: 'r' },
  { seq: 2, type: 'user_message', text: 'hi' },
  { seq: 3, type: 'agent_started', agent: 'b' },
  { seq: 4, type: 'tool_call', agent: 'b', callId: 'c1', name: 'lookup', arguments: {} },
  { seq: 5, type: 'tool_call', agent: 'b', callId: 'c2', name: 'handoff_to_a', arguments: {} },
  {
    seq: 6,
    type: 'tool_result',
    agent: 'b',
    callId: 'c1',
    name: 'lookup',
    result: 'ok',
    isError: false,
  },
  {
    seq: 7,
    type: 'tool_result',
    agent: 'b',
    callId: 'c2',
    name: 'handoff_to_a',
    result: 'Error: Requested function "handoff_to_a" not found.',
    isError: true,
  },
  { seq: 8, type: 'warning', code: 'unknown_tool', message: 'some text', agent: 'b' },
];

describe('upgradeEvents', () => {
  it('adds handoffTarget to handoff calls and the call of a tool warning from the result before it', () => {
    const upgraded = upgradeEvents(legacy);
    expect(upgraded[4]).toMatchObject({ handoffTarget: 'a' });
    expect(upgraded[3]).not.toHaveProperty('handoffTarget');
    expect(upgraded[7]).toMatchObject({ callId: 'c2', tool: 'handoff_to_a', target: 'a' });
    expect(traceForAgent(reduceAll(upgraded), 'b').forbidden).toEqual([
      expect.objectContaining({ tool: 'handoff_to_a', target: 'a' }),
    ]);
  });

  it('leaves events that already carry the fields unchanged', () => {
    const upgraded = upgradeEvents(legacy);
    expect(upgradeEvents(upgraded)).toEqual(upgraded);
    expect(upgradeEvents([legacy[0]!, legacy[1]!])).toEqual([legacy[0], legacy[1]]);
  });
});
