import { describe, expect, it } from 'vitest';
import {
  addAgent,
  addTool,
  connectHandoff,
  deleteAgents,
  deleteHandoffs,
  deleteTool,
  EditError,
  moveAgents,
  newWorkflow,
  renameAgent,
  renameTool,
  setAgentTool,
  uniqueAgentName,
  updateAgent,
  updateHandoff,
  updateTool,
  updateWorkflowSettings,
} from '../../src/model/edit';
import { parseWorkflow, serializeWorkflow, validateWorkflow } from '../../src/model';
import { doc } from '../support/docs';

const sample = () =>
  doc({
    startAgent: 'triage',
    agents: [
      {
        name: 'triage',
        description: 'Routes',
        instructions: 'Call handoff_to_refund for money; not handoff_to_refunds.',
      },
      { name: 'refund', description: 'Refunds', tools: ['pay'], position: { x: 10, y: 20 } },
      { name: 'orders', description: 'Orders' },
    ],
    handoffs: [
      { source: 'triage', target: 'refund', description: 'Money back' },
      { source: 'triage', target: 'orders' },
      { source: 'refund', target: 'triage' },
    ],
    tools: [{ name: 'pay', description: 'Pays' }],
    interaction: {
      mode: 'autonomous',
      autonomousAgents: ['refund'],
      turnLimits: { refund: 3, orders: 2 },
    },
  });

/** A document stays a valid document of the format after an edit. */
const reparses = (d: unknown) =>
  expect(parseWorkflow(JSON.parse(serializeWorkflow(d as never))).ok).toBe(true);

describe('names', () => {
  it('makes names unique and valid', () => {
    expect(uniqueAgentName(['a'], 'b')).toBe('b');
    expect(uniqueAgentName(['agent'], 'agent')).toBe('agent_2');
    expect(uniqueAgentName(['agent', 'agent_2'], 'agent_2')).toBe('agent_3');
    expect(uniqueAgentName([], 'Refund agent!')).toBe('Refund_agent_');
    expect(uniqueAgentName([], '42')).toBe('agent');
    const long = 'x'.repeat(48);
    const name = uniqueAgentName([long], long);
    expect(name).toHaveLength(48);
    expect(name.endsWith('_2')).toBe(true);
  });
});

describe('agents', () => {
  it('adds an agent with a unique name and makes the first one the start agent', () => {
    const first = addAgent(newWorkflow(), { name: 'triage', position: { x: 1.4, y: 2.6 } });
    expect(first.agents).toEqual(['triage']);
    expect(first.doc.startAgent).toBe('triage');
    expect(first.doc.agents[0]!.position).toEqual({ x: 1, y: 3 });
    const second = addAgent(first.doc, { name: 'triage' });
    expect(second.agents).toEqual(['triage_2']);
    expect(second.doc.startAgent).toBe('triage');
    reparses(second.doc);
  });

  it('renames an agent everywhere it is named', () => {
    const d = renameAgent(sample(), 'refund', 'refunds_team');
    expect(d.agents.map((a) => a.name)).toEqual(['triage', 'refunds_team', 'orders']);
    expect(d.handoffs.map((e) => `${e.source}>${e.target}`)).toEqual([
      'triage>refunds_team',
      'triage>orders',
      'refunds_team>triage',
    ]);
    expect(d.interaction.autonomousAgents).toEqual(['refunds_team']);
    expect(d.interaction.turnLimits).toEqual({ refunds_team: 3, orders: 2 });
    // handoff tool mentions follow; a longer name that only starts the same does not
    expect(d.agents[0]!.instructions).toBe(
      'Call handoff_to_refunds_team for money; not handoff_to_refunds.',
    );
    expect(validateWorkflow(d).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('renames the start agent and shares what did not change', () => {
    const before = sample();
    const d = renameAgent(before, 'triage', 'front');
    expect(d.startAgent).toBe('front');
    expect(d.tools).toBe(before.tools);
    expect(d.interaction).toBe(before.interaction);
  });

  it('refuses a taken, invalid or unknown name', () => {
    expect(() => renameAgent(sample(), 'refund', 'orders')).toThrow(EditError);
    expect(() => renameAgent(sample(), 'refund', 'has space')).toThrow(/not a valid agent name/);
    expect(() => renameAgent(sample(), 'refund', '')).toThrow(/needs a name/);
    expect(() => renameAgent(sample(), 'nobody', 'x')).toThrow(/no agent named/);
    const d = sample();
    expect(renameAgent(d, 'refund', 'refund')).toBe(d);
  });

  it('deletes agents with their edges and settings', () => {
    const d = deleteAgents(sample(), ['refund']);
    expect(d.agents.map((a) => a.name)).toEqual(['triage', 'orders']);
    expect(d.handoffs).toEqual([{ source: 'triage', target: 'orders' }]);
    expect(d.interaction.autonomousAgents).toEqual([]);
    expect(d.interaction.turnLimits).toEqual({ orders: 2 });
    expect(d.tools).toHaveLength(1); // tools stay (unused is only an info)
  });

  it('moves the start agent to the first remaining agent when it is deleted', () => {
    expect(deleteAgents(sample(), ['triage']).startAgent).toBe('refund');
    expect(deleteAgents(sample(), ['triage', 'refund', 'orders']).startAgent).toBe('');
    const d = sample();
    expect(deleteAgents(d, ['nobody'])).toBe(d);
  });

  it('updates fields; an empty model clears it', () => {
    let d = updateAgent(sample(), 'orders', { model: 'gpt-4o', description: 'New' });
    expect(d.agents[2]).toMatchObject({ model: 'gpt-4o', description: 'New' });
    d = updateAgent(d, 'orders', { model: '' });
    expect('model' in d.agents[2]!).toBe(false);
    expect(updateAgent(d, 'orders', { description: 'New' })).toBe(d);
  });

  it('moves agents and leaves a document alone when nothing moved', () => {
    const before = sample();
    const d = moveAgents(before, { refund: { x: 100.2, y: 50 }, nobody: { x: 0, y: 0 } });
    expect(d.agents[1]!.position).toEqual({ x: 100, y: 50 });
    expect(d.agents[0]).toBe(before.agents[0]);
    expect(moveAgents(d, new Map([['refund', { x: 100, y: 50 }]]))).toBe(d);
  });
});

describe('handoffs', () => {
  it('connects, refusing self, duplicate and unknown ends', () => {
    const { doc: d, edges } = connectHandoff(sample(), 'orders', 'refund', 'Needs money');
    expect(edges).toEqual([3]);
    expect(d.handoffs[3]).toEqual({
      source: 'orders',
      target: 'refund',
      description: 'Needs money',
    });
    expect(() => connectHandoff(d, 'orders', 'orders')).toThrow(/itself/);
    expect(() => connectHandoff(d, 'orders', 'refund')).toThrow(/already hands off/);
    expect(() => connectHandoff(d, 'orders', 'ghost')).toThrow(/no agent named "ghost"/);
    try {
      connectHandoff(d, 'orders', 'orders');
    } catch (error) {
      expect((error as EditError).code).toBe('self_handoff');
    }
  });

  it('edits a description; a blank one falls back', () => {
    let d = updateHandoff(sample(), 1, { description: 'Order questions' });
    expect(d.handoffs[1]).toEqual({
      source: 'triage',
      target: 'orders',
      description: 'Order questions',
    });
    d = updateHandoff(d, 1, { description: '' });
    expect(d.handoffs[1]).toEqual({ source: 'triage', target: 'orders' });
    expect(() => updateHandoff(d, 1, { target: 'refund' })).toThrow(/already hands off/);
    expect(() => updateHandoff(d, 9, {})).toThrow(EditError);
  });

  it('deletes edges by index', () => {
    const d = deleteHandoffs(sample(), [0, 2]);
    expect(d.handoffs).toEqual([{ source: 'triage', target: 'orders' }]);
  });
});

describe('tools', () => {
  it('adds, renames (agents follow), updates and deletes tools', () => {
    const added = addTool(sample(), { name: 'pay' });
    expect(added.name).toBe('pay_2');
    let d = renameTool(sample(), 'pay', 'refund_payment');
    expect(d.agents[1]!.tools).toEqual(['refund_payment']);
    expect(() => renameTool(d, 'refund_payment', 'bad name')).toThrow(/not a valid tool name/);
    d = updateTool(d, 'refund_payment', { approval: 'always_require', result: 'Paid {{x}}' });
    expect(d.tools[0]).toMatchObject({ approval: 'always_require', result: 'Paid {{x}}' });
    d = updateTool(d, 'refund_payment', { result: undefined });
    expect('result' in d.tools[0]!).toBe(false);
    d = setAgentTool(d, 'orders', 'refund_payment', true);
    expect(d.agents[2]!.tools).toEqual(['refund_payment']);
    d = deleteTool(d, 'refund_payment');
    expect(d.tools).toEqual([]);
    expect(d.agents.every((a) => a.tools.length === 0)).toBe(true);
  });
});

describe('settings', () => {
  it('patches nested settings and removes optional parts', () => {
    let d = updateWorkflowSettings(sample(), {
      name: 'renamed',
      termination: { maxMessages: 20, keywords: ['bye'] },
      interaction: { returnToPrevious: false },
      defaults: { model: 'gpt-4o-mini' },
    });
    expect(d.name).toBe('renamed');
    expect(d.termination).toEqual({ maxMessages: 20, keywords: ['bye'], maxHandoffsPerTurn: 100 });
    expect(d.interaction.returnToPrevious).toBe(false);
    expect(d.interaction.turnLimits).toEqual({ refund: 3, orders: 2 });
    d = updateWorkflowSettings(d, { termination: { maxMessages: undefined } });
    expect('maxMessages' in d.termination).toBe(false);
    expect(updateWorkflowSettings(d, { name: 'renamed' })).toBe(d);
    reparses(d);
  });
});
