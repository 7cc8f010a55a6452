/** Hand-written files in the styles of the frameworks' own samples (test/fixtures/code/). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCode, type CodeImportResult, type CodeLanguage } from '../../src/import/code';
import { nodeCodeParser } from '../../src/cli/grammarFiles';

const parser = nodeCodeParser();

async function imported(file: string, lang: CodeLanguage): Promise<CodeImportResult> {
  return importCode(readFileSync(`test/fixtures/code/${file}`, 'utf8'), lang, parser);
}

const codes = (r: CodeImportResult, kind: string) =>
  r.report.filter((n) => n.kind === kind).map((n) => `${n.line}:${n.code}`);

describe('Agent Framework Python', () => {
  it('reads agents returned by a helper as a tuple, @tool functions, a lambda, the mesh', async () => {
    const r = await imported('af_python_sample_style.py', 'python');
    expect(r.framework).toBe('agent-framework-python');
    const wf = r.workflow!;
    expect(wf.name).toBe('customer_support_handoff');
    expect(wf.startAgent).toBe('triage_agent');
    expect(wf.agents.map((a) => [a.name, a.tools])).toEqual([
      ['triage_agent', []],
      ['refund_agent', ['process_refund']],
      ['order_agent', ['check_order_status']],
    ]);
    expect(wf.agents[0]!.instructions).toBe(
      'You are frontline support triage. Route customer issues to the appropriate specialist ' +
        'agents based on the problem described.',
    );
    expect(wf.agents[1]!.description).toBe('Handles refunds.');
    expect(wf.handoffs).toEqual([]); // the mesh, as in Agent Framework
    expect(wf.tools.map((t) => [t.name, t.approval, t.description])).toEqual([
      [
        'process_refund',
        'never_require',
        'Simulated function to process a refund for a given order number.',
      ],
      [
        'check_order_status',
        'always_require',
        'Simulated function to check the status of a given order number.',
      ],
    ]);
    expect(wf.tools[0]!.parameters).toEqual({
      type: 'object',
      properties: {
        order_number: { type: 'string', description: 'Order number to process refund for' },
      },
      required: ['order_number'],
    });
    // `len(conversation) > 0` is a guard, not a limit; the keyword is kept.
    expect(wf.termination.maxMessages).toBeUndefined();
    expect(wf.termination.keywords).toEqual(['welcome']);
    expect(wf.interaction.returnToPrevious).toBe(false); // Agent Framework's default
    expect(codes(r, 'recognised')).toContain('53:mesh_by_omission');
    expect(codes(r, 'not_understood')).toEqual([]);
  });

  it('follows a builder over several statements, lists of sources and targets, autonomy', async () => {
    const r = await imported('af_python_statements.py', 'python');
    const wf = r.workflow!;
    expect(wf.name).toBe('research_team');
    expect(wf.handoffs).toEqual([
      { source: 'coordinator', target: 'research_agent' },
      { source: 'coordinator', target: 'summary_agent' },
      { source: 'research_agent', target: 'coordinator', description: 'Back to the coordinator.' },
      { source: 'summary_agent', target: 'coordinator', description: 'Back to the coordinator.' },
    ]);
    expect(wf.defaults.model).toBe('gpt-4o-mini'); // from the factory client
    expect(wf.agents.map((a) => a.model)).toEqual([undefined, undefined, 'gpt-4o']);
    expect(wf.defaults.temperature).toBeUndefined();
    expect(wf.interaction).toMatchObject({
      mode: 'autonomous',
      autonomousAgents: ['research_agent'],
      turnLimits: { research_agent: 3 },
    });
    expect(wf.termination.maxUserMessages).toBe(5);
    expect(codes(r, 'approximated')).toEqual(['15:agent_temperature_dropped']);
    expect(codes(r, 'left_out')).toEqual(['39:builder_call_left_out']);
  });

  it('reports agents built in loops or by helpers as not understood, never guessed', async () => {
    const r = await imported('af_python_not_understood.py', 'python');
    expect(r.workflow!.agents.map((a) => a.name)).toEqual(['triage']);
    expect(codes(r, 'not_understood')).toEqual([
      '8:agent_name_not_literal',
      '12:agent_in_loop',
      '16:participant_not_understood',
    ]);
    expect(codes(r, 'left_out')).toEqual(['18:termination_not_understood']);
  });
});

describe('Agent Framework .NET', () => {
  it('reads target-typed new(client, instructions, name, description) and WithHandoffs both ways', async () => {
    const r = await imported('af_dotnet_sample_style.cs', 'csharp');
    expect(r.framework).toBe('agent-framework-dotnet');
    const wf = r.workflow!;
    expect(wf.startAgent).toBe('triage_agent');
    expect(wf.agents.map((a) => [a.name, a.description])).toEqual([
      ['triage_agent', 'Routes messages to the appropriate specialist agent'],
      ['math_tutor', 'Specialist agent for math questions'],
      ['history_tutor', 'Specialist agent for historical questions'],
    ]);
    expect(wf.handoffs.map((h) => `${h.source}>${h.target}`)).toEqual([
      'triage_agent>math_tutor',
      'triage_agent>history_tutor',
      'math_tutor>triage_agent',
      'history_tutor>triage_agent',
    ]);
    expect(wf.defaults.model).toBe('gpt-4o-mini'); // the fallback of the deployment variable
    expect(wf.interaction.returnToPrevious).toBe(false);
    expect(r.report.filter((n) => n.kind !== 'recognised')).toEqual([]);
  });

  it('follows a builder over statements: reasons, tools, return to previous, a lambda', async () => {
    const r = await imported('af_dotnet_statements.cs', 'csharp');
    const wf = r.workflow!;
    expect(wf.agents[0]!.instructions).toBe(
      'You are a customer service triage agent. Route to the right specialist.\n' +
        'Answer general questions yourself.',
    );
    expect(wf.handoffs).toEqual([
      {
        source: 'TriageAgent',
        target: 'BillingSpecialist',
        description: 'Billing, payment, and invoice related questions',
      },
      {
        source: 'TriageAgent',
        target: 'TechSupport',
        description: 'Technical issues, bugs, and how-to questions',
      },
      { source: 'BillingSpecialist', target: 'TriageAgent' },
      { source: 'TechSupport', target: 'TriageAgent' },
    ]);
    expect(wf.tools).toEqual([
      {
        name: 'LookUpInvoice',
        description: 'Looks up an invoice.',
        parameters: {
          type: 'object',
          properties: {
            invoiceNumber: { type: 'string', description: 'The invoice number.' },
            year: { type: 'integer' },
          },
          required: ['invoiceNumber'],
        },
        approval: 'never_require',
      },
      {
        name: 'reset_password',
        description: "Resets a user's password.",
        parameters: {
          type: 'object',
          properties: { userName: { type: 'string' } },
          required: ['userName'],
        },
        approval: 'always_require',
      },
    ]);
    expect(wf.interaction.returnToPrevious).toBe(true);
    expect(wf.termination).toMatchObject({ maxMessages: 12, keywords: ['bye'] });
    expect(codes(r, 'left_out')).toEqual(['34:builder_call_left_out']);
  });

  it('reports agents built in a loop or read from a dictionary as not understood', async () => {
    const r = await imported('af_dotnet_not_understood.cs', 'csharp');
    expect(r.workflow!.agents.map((a) => a.name)).toEqual(['triage']);
    expect(codes(r, 'not_understood')).toEqual([
      '5:agent_reference_not_understood',
      '8:agent_in_loop',
      '12:agent_reference_not_understood',
    ]);
    expect(codes(r, 'recognised')).not.toContain('10:mesh_by_omission');
  });
});

describe('OpenAI Agents SDK (Python)', () => {
  it('reads Agent[Context](...), handoff(...), appended handoffs and the start from Runner.run', async () => {
    const r = await imported('openai_agents_python_sample_style.py', 'python');
    expect(r.framework).toBe('openai-agents');
    const wf = r.workflow!;
    expect(wf.startAgent).toBe('Triage_Agent');
    expect(wf.agents.map((a) => [a.name, a.model, a.tools])).toEqual([
      ['FAQ_Agent', undefined, ['faq_lookup_tool']],
      ['Seat_Booking_Agent', 'gpt-4.1', ['update_seat']],
      ['Triage_Agent', undefined, []],
    ]);
    expect(wf.defaults.model).toBeUndefined();
    expect(wf.agents[0]!.description).toBe(
      'A helpful agent that can answer questions about the airline.',
    );
    expect(wf.agents[0]!.instructions).toBe(
      '{RECOMMENDED_PROMPT_PREFIX}\n    You are an FAQ agent.',
    );
    expect(wf.handoffs).toEqual([
      { source: 'Triage_Agent', target: 'FAQ_Agent' },
      {
        source: 'Triage_Agent',
        target: 'Seat_Booking_Agent',
        description: 'Book or change a seat.',
      },
      { source: 'FAQ_Agent', target: 'Triage_Agent' },
      { source: 'Seat_Booking_Agent', target: 'Triage_Agent' },
    ]);
    expect(
      wf.tools.map((t) => [t.name, t.description, Object.keys(t.parameters.properties as object)]),
    ).toEqual([
      ['faq_lookup_tool', 'Lookup frequently asked questions.', ['question']],
      [
        'update_seat',
        'Update the seat for a given confirmation number.',
        ['confirmation_number', 'new_seat'],
      ],
    ]);
    expect(codes(r, 'approximated')).toEqual([
      '18:tool_simulated',
      '25:tool_simulated',
      '37:agent_name_changed',
      '40:agent_instructions_not_literal',
      '45:agent_name_changed',
      '53:agent_name_changed',
    ]);
    expect(codes(r, 'left_out')).toEqual(['59:handoff_option_left_out']);
  });
});

describe('OpenAI Agents SDK (TypeScript)', () => {
  it('reads tool({...}) with zod, new Agent / Agent.create, handoff(...), later handoffs', async () => {
    const r = await imported('openai_agents_ts_sample_style.ts', 'typescript');
    expect(r.framework).toBe('openai-agents');
    const wf = r.workflow!;
    expect(wf.startAgent).toBe('triage_agent');
    expect(wf.agents.map((a) => [a.name, a.model, a.tools])).toEqual([
      ['faq_agent', undefined, ['faq_lookup_tool']],
      ['seat_booking_agent', 'gpt-4.1-mini', ['update_seat']],
      ['triage_agent', undefined, []],
    ]);
    expect(wf.agents[0]!.instructions).toBe('${RECOMMENDED_PROMPT_PREFIX}\nYou are an FAQ agent.');
    expect(wf.handoffs).toEqual([
      { source: 'triage_agent', target: 'faq_agent' },
      { source: 'triage_agent', target: 'seat_booking_agent', description: 'Change a seat.' },
      { source: 'faq_agent', target: 'triage_agent' },
      { source: 'seat_booking_agent', target: 'triage_agent' },
    ]);
    expect(wf.tools).toEqual([
      {
        name: 'faq_lookup_tool',
        description: 'Lookup frequently asked questions.',
        parameters: {
          type: 'object',
          properties: { question: { type: 'string', description: 'The question.' } },
          required: ['question'],
        },
        approval: 'never_require',
      },
      {
        name: 'update_seat',
        description: 'Update a seat on a flight',
        parameters: {
          type: 'object',
          properties: {
            confirmationNumber: { type: 'string' },
            seatNumber: { type: 'string' },
            window: { type: 'boolean' },
          },
          required: ['confirmationNumber', 'seatNumber'],
        },
        approval: 'always_require',
      },
    ]);
    expect(codes(r, 'left_out')).toEqual([
      '54:agent_option_left_out',
      '61:handoff_option_left_out',
    ]);
    expect(codes(r, 'not_understood')).toEqual(['69:agent_in_loop']);
  });

  it('reads the same code as JavaScript', async () => {
    const source = readFileSync('test/fixtures/code/openai_agents_ts_sample_style.ts', 'utf8')
      .replace(/^interface[^}]*}\n/m, '')
      .replace('new Agent<AirlineAgentContext>(', 'new Agent(')
      .replace('input: { question: string }', 'input');
    const r = await importCode(source, 'javascript', parser);
    expect(r.workflow!.agents.map((a) => a.name)).toEqual([
      'faq_agent',
      'seat_booking_agent',
      'triage_agent',
    ]);
    expect(codes(r, 'not_understood')).toEqual([expect.stringMatching(/:agent_in_loop$/)]);
  });
});

describe('local helpers that wrap handoff(...) and tool(...)', () => {
  it('reads each call of the helper with its arguments, never running it', async () => {
    const r = await imported('openai_agents_ts_helpers.ts', 'typescript');
    const wf = r.workflow!;
    expect(wf.handoffs).toEqual([
      { source: 'triage', target: 'support', description: 'Needs help.' },
      { source: 'support', target: 'triage', description: 'Back to triage.' },
    ]);
    expect(wf.tools.map((t) => [t.name, t.description, t.approval])).toEqual([
      ['look_up', 'Looks up.', 'always_require'],
    ]);
    expect(wf.agents.find((a) => a.name === 'support')!.tools).toEqual(['look_up']);
    expect(codes(r, 'not_understood')).toEqual([]);
    expect(codes(r, 'left_out')).toEqual([
      '28:handoff_option_left_out',
      '29:handoff_option_left_out',
    ]);
  });
});
