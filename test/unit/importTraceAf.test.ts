/**
 * Agent Framework traces made by the real framework (test/support/afTrace.ts: the Python export of
 * each example run in .venv on the conformance server, AF's observability on) import as the run AF
 * reported through its own event stream (the conformance driver's raw events of the same run).
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../conformance/scenarios/examples';
import type { RunEvent } from '../../src/engine';
import { importTrace } from '../../src/import/trace';
import { buildTopology } from '../../src/model';
import { afTrace } from '../support/afTrace';

// The first test to need .venv may create it (pip install of the pinned packages).
const SLOW = 600_000;
type Driver = Array<Record<string, unknown>>;

/** What AF did, as the driver saw it, in the terms both sides share. */
function driverOutline(events: Driver) {
  return {
    models: events.filter((e) => e.t === 'model').map((e) => e.agent),
    handoffs: events
      .filter((e) => e.t === 'handoff')
      .map((e) => `${String(e.from)}>${String(e.to)}`),
    calls: events.filter((e) => e.t === 'call').map((e) => `${String(e.callId)}:${String(e.name)}`),
    approvals: events.filter((e) => e.t === 'approval').map((e) => e.requestId),
    inputs: events.filter((e) => e.t === 'input').map((e) => e.agent),
  };
}

function importedOutline(events: RunEvent[]) {
  return {
    models: events.filter((e) => e.type === 'agent_started').map((e) => e.agent),
    handoffs: events.filter((e) => e.type === 'handoff').map((e) => `${e.from}>${e.to}`),
    calls: events.filter((e) => e.type === 'tool_call').map((e) => `${e.callId}:${e.name}`),
    approvals: events.filter((e) => e.type === 'approval_requested').map((e) => e.requestId),
    inputs: events.filter((e) => e.type === 'input_requested').map((e) => e.agent),
  };
}

const USER_MESSAGES: Record<string, string[]> = {
  customer_support: ['I want a refund for order 123.'],
  ecommerce_returns: ['I want to return order 77, it was a gift I did not order.'],
  homework_tutors: ['What is 12 times 12?', 'And when was the Magna Carta sealed?'],
  content_pipeline: ['Write a short article about solar sails.'],
};

describe('Agent Framework traces (content capture on)', () => {
  for (const scenario of EXAMPLES) {
    it(
      scenario.name,
      async () => {
        const trace = await afTrace({ scenario, capture: true });
        const imported = importTrace(trace.text);
        expect(imported.format).toBe('otlp-agent-framework');
        expect(importedOutline(imported.events)).toEqual(driverOutline(trace.driverEvents));
        expect(imported.events.map((e) => e.seq)).toEqual(imported.events.map((_, i) => i + 1));
        // The graph: the agents that answered, with exactly the handoffs (and their descriptions)
        // their tool definitions offered — the exported document's, seen through AF.
        const original = buildTopology(scenario.doc);
        const recovered = buildTopology(imported.workflow);
        const answered = new Set(importedOutline(imported.events).models);
        for (const agent of answered) {
          // AF lists the handoff tools in an order of its own: the set is what is compared.
          expect([...recovered.targetsOf(agent)].sort()).toEqual(
            [...original.targetsOf(agent)].sort(),
          );
          const tools = (doc: typeof imported.workflow) =>
            doc.agents.find((a) => a.name === agent)?.tools;
          expect(tools(imported.workflow)).toEqual(tools(scenario.doc));
          const instructions = (doc: typeof imported.workflow) =>
            doc.agents.find((a) => a.name === agent)?.instructions;
          expect(instructions(imported.workflow)).toBe(instructions(scenario.doc));
        }
        expect(imported.workflow.startAgent).toBe(scenario.doc.startAgent);
        for (const edge of imported.workflow.handoffs) {
          const same = scenario.doc.handoffs.find(
            (h) => h.source === edge.source && h.target === edge.target,
          );
          expect(same, `${edge.source}>${edge.target}`).toBeDefined();
          if (edge.description) expect(edge.description).toBe(same?.description);
        }
        // Messages were captured: every text AF streamed is in a message event.
        const streamed = trace.driverEvents
          .filter((e) => e.t === 'text')
          .map((e) => String(e.text))
          .join('');
        const said = imported.events
          .filter((e) => e.type === 'message')
          .map((e) => e.text)
          .join('');
        expect(said).toBe(streamed);
        expect(imported.notes.some((n) => n.code === 'content_not_captured')).toBe(false);
        // The user's messages that reached an agent: the opening and every reply AF sent on to
        // a model (a reply that ended the run never reached one, so it is not in the trace).
        const users = imported.events.filter((e) => e.type === 'user_message').map((e) => e.text);
        expect(users).toEqual(USER_MESSAGES[scenario.doc.name]);
      },
      SLOW,
    );
  }
});

describe('Agent Framework traces (content capture off)', () => {
  it(
    'shows who answered, called and handed off; the words are missing, never invented',
    async () => {
      for (const scenario of EXAMPLES) {
        const trace = await afTrace({ scenario, capture: false });
        const imported = importTrace(trace.text);
        const driver = driverOutline(trace.driverEvents);
        const outline = importedOutline(imported.events);
        expect(outline.models).toEqual(driver.models);
        expect(outline.handoffs).toEqual(driver.handoffs);
        expect(imported.events.filter((e) => e.type === 'message')).toEqual([]);
        expect(imported.events.filter((e) => e.type === 'user_message')).toEqual([]);
        for (const call of imported.events.filter((e) => e.type === 'tool_call')) {
          expect(call.arguments).toBe('');
        }
        expect(imported.notes.map((n) => [n.kind, n.code])).toContainEqual([
          'missing',
          'content_not_captured',
        ]);
        expect(imported.workflow.agents.every((a) => a.instructions === '')).toBe(true);
      }
    },
    SLOW,
  );
});

describe('matching an Agent Framework trace to an open workflow', () => {
  it(
    'flags every handoff the open workflow does not allow',
    async () => {
      const scenario = EXAMPLES[0]!;
      const trace = await afTrace({ scenario, capture: true });
      const open = {
        ...scenario.doc,
        handoffs: scenario.doc.handoffs.filter(
          (h) => !(h.source === 'triage_agent' && h.target === 'refund_agent'),
        ),
      };
      const imported = importTrace(trace.text, open);
      expect(imported.workflow).toBe(open);
      const warnings = imported.events.filter((e) => e.type === 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({
        code: 'unknown_tool',
        agent: 'triage_agent',
        tool: 'handoff_to_refund_agent',
        target: 'refund_agent',
        callId: 'call_0_0',
      });
      expect(imported.notes.filter((n) => n.kind === 'flagged').map((n) => n.code)).toEqual([
        'handoff_not_allowed',
      ]);
      // The same trace against its own workflow flags nothing.
      const own = importTrace(trace.text, scenario.doc);
      expect(own.events.filter((e) => e.type === 'warning')).toEqual([]);
      expect(own.notes.filter((n) => n.kind === 'flagged')).toEqual([]);
    },
    SLOW,
  );
});

describe('how an Agent Framework run ended', () => {
  it(
    'reads the end from the spans, and says so when the trace cannot tell',
    async () => {
      const ends = [];
      for (const scenario of EXAMPLES) {
        const trace = await afTrace({ scenario, capture: true });
        const alone = importTrace(trace.text);
        const matched = importTrace(trace.text, scenario.doc);
        ends.push([
          alone.events.at(-1)?.type === 'completed'
            ? alone.events.at(-1)
            : alone.events.at(-1)?.type,
          matched.events.at(-1),
          alone.notes.some((n) => n.code === 'run_end_unknown'),
        ]);
      }
      const completed = (reason: string) => expect.objectContaining({ type: 'completed', reason });
      expect(ends).toEqual([
        // "Thanks, goodbye!" is sent on, then the keyword ends the run.
        [completed('termination_condition'), completed('termination_condition'), false],
        // fraud_agent offers no handoff: a terminal agent.
        [completed('terminal_agent'), completed('terminal_agent'), false],
        // The user's End: nothing is sent on.
        [completed('user_terminated'), completed('user_terminated'), false],
        // "PUBLISHED" ends it: only the open workflow's keywords tell; alone, the editor offers no
        // handoff, so it reads as a terminal agent.
        [completed('terminal_agent'), completed('termination_condition'), false],
      ]);
    },
    SLOW,
  );
});

describe('an Agent Framework run waiting for the user', () => {
  it(
    'ends with the request, and notes that the trace cannot say more',
    async () => {
      const homework = EXAMPLES.find((s) => s.doc.name === 'homework_tutors')!;
      const scenario = { ...homework, inputs: [] };
      const trace = await afTrace({ scenario, capture: true });
      expect(trace.driverEvents.at(-1)).toMatchObject({ t: 'end', how: 'paused' });
      for (const imported of [importTrace(trace.text), importTrace(trace.text, scenario.doc)]) {
        expect(imported.events.at(-1)).toMatchObject({
          type: 'input_requested',
          agent: 'math_tutor',
        });
        expect(imported.events.some((e) => e.type === 'completed')).toBe(false);
        expect(imported.notes.map((n) => n.code)).toContain('run_end_unknown');
      }
    },
    SLOW,
  );
});
