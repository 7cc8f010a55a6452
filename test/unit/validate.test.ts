import { describe, expect, it } from 'vitest';
import {
  ISSUE_CODES,
  hasErrors,
  validateWorkflow,
  type IssueCode,
  type ValidationIssue,
  type Workflow,
  type WorkflowInput,
} from '../../src/model';
import { doc } from '../support/docs';

const agent = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  description: `${name} does things`,
  instructions: `You are ${name}.`,
  ...extra,
});
const edge = (source: string, target: string, description = `to ${target}`) => ({
  source,
  target,
  description,
});

/** Issues of one code for a document built from the base plus overrides. */
function issuesOf(
  code: IssueCode,
  input: Partial<WorkflowInput> & Record<string, unknown>,
  edit: (parsed: Workflow) => Workflow = (parsed) => parsed,
) {
  return validateWorkflow(edit(doc(input))).filter((i) => i.code === code);
}

const testCase = (extra: Record<string, unknown> = {}) => ({
  id: 't',
  name: 'a test',
  turns: ['hello'],
  ...extra,
});

const twoAgents = { agents: [agent('a'), agent('b')], handoffs: [edge('a', 'b')] };

describe('validateWorkflow', () => {
  it('finds nothing wrong with a clean chain except the terminal info', () => {
    const issues = validateWorkflow(doc(twoAgents));
    expect(issues).toEqual([
      {
        code: 'terminal_agent',
        severity: 'info',
        message: '"b" is terminal: it has no outbound handoffs.',
        path: 'agents[1]',
        agent: 'b',
      },
    ]);
  });

  const cases: Array<{
    code: IssueCode;
    input: Partial<WorkflowInput> & Record<string, unknown>;
    /** A change after parsing, for what the parser refuses but the designer can reach. */
    edit?: (parsed: Workflow) => Workflow;
    expected: Partial<ValidationIssue>[];
  }> = [
    {
      code: 'implied_mesh_too_large',
      input: { agents: Array.from({ length: 316 }, (_, i) => agent(`a${i}`)), startAgent: 'a0' },
      edit: (d) => ({ ...d, agents: [...d.agents, { ...d.agents[0]!, name: 'a316' }] }),
      expected: [{ path: 'handoffs' }],
    },
    { code: 'no_agents', input: { agents: [], startAgent: '' }, expected: [{ path: 'agents' }] },
    {
      code: 'missing_start_agent',
      input: { ...twoAgents, startAgent: ' ' },
      expected: [{ path: 'startAgent' }],
    },
    {
      code: 'unknown_start_agent',
      input: { ...twoAgents, startAgent: 'zed' },
      expected: [
        { path: 'startAgent', message: 'Start agent "zed" is not an agent of this workflow.' },
      ],
    },
    {
      code: 'invalid_agent_name',
      input: {
        startAgent: 'a',
        agents: [
          agent('a'),
          agent('my agent'),
          agent('🤖'),
          agent('x'.repeat(49)),
          agent('1st'),
          agent(''),
        ],
        handoffs: [edge('a', 'my agent')],
      },
      expected: [
        { path: 'agents[1].name', message: expect.stringContaining('no spaces or symbols') },
        { path: 'agents[2].name', agent: '🤖' },
        {
          path: 'agents[3].name',
          message: expect.stringContaining('49 characters long; at most 48'),
        },
        { path: 'agents[4].name' },
        { path: 'agents[5].name', message: 'Agent name is empty.' },
      ],
    },
    {
      code: 'duplicate_agent_name',
      input: { agents: [agent('a'), agent('b'), agent('a')], handoffs: [edge('a', 'b')] },
      expected: [{ path: 'agents[2].name', message: expect.stringContaining('agents[0]') }],
    },
    {
      code: 'unknown_edge_source',
      input: { ...twoAgents, handoffs: [edge('a', 'b'), edge('ghost', 'b')] },
      expected: [{ path: 'handoffs[1].source', edge: { source: 'ghost', target: 'b', index: 1 } }],
    },
    {
      code: 'unknown_edge_target',
      input: { ...twoAgents, handoffs: [edge('a', 'b'), edge('a', 'ghost')] },
      expected: [{ path: 'handoffs[1].target', message: expect.stringContaining('"ghost"') }],
    },
    {
      code: 'self_handoff',
      input: { ...twoAgents, handoffs: [edge('a', 'b'), edge('b', 'b')] },
      expected: [{ path: 'handoffs[1]', agent: 'b' }],
    },
    {
      code: 'duplicate_handoff',
      input: { ...twoAgents, handoffs: [edge('a', 'b'), edge('a', 'b', 'again')] },
      expected: [{ path: 'handoffs[1]', message: expect.stringContaining('handoffs[0]') }],
    },
    {
      code: 'unknown_tool_reference',
      input: { ...twoAgents, agents: [agent('a', { tools: ['nope'] }), agent('b')] },
      expected: [{ path: 'agents[0].tools[0]', agent: 'a' }],
    },
    {
      code: 'duplicate_tool_reference',
      input: {
        ...twoAgents,
        agents: [agent('a', { tools: ['t', 't'] }), agent('b')],
        tools: [{ name: 't' }],
      },
      expected: [{ path: 'agents[0].tools[1]' }],
    },
    {
      code: 'invalid_tool_name',
      input: { ...twoAgents, tools: [{ name: 'look up' }] },
      expected: [{ path: 'tools[0].name' }],
    },
    {
      code: 'duplicate_tool_name',
      input: { ...twoAgents, tools: [{ name: 't' }, { name: 't' }] },
      expected: [{ path: 'tools[1].name' }],
    },
    {
      code: 'tool_handoff_collision',
      input: {
        ...twoAgents,
        agents: [agent('a', { tools: ['handoff_to_b'] }), agent('b', { tools: ['handoff_to_a'] })],
        tools: [{ name: 'handoff_to_b' }, { name: 'handoff_to_a' }],
      },
      // b has no edge to a, so its tool does not collide
      expected: [{ path: 'agents[0].tools[0]', agent: 'a' }],
    },
    {
      code: 'invalid_tool_parameters',
      input: {
        ...twoAgents,
        tools: [
          {
            name: 't',
            parameters: {
              type: 'array',
              properties: { n: { type: 'float' }, s: 'string' },
              required: ['n', 'missing'],
            },
          },
        ],
      },
      expected: [
        { path: 'tools[0].parameters.type' },
        {
          path: 'tools[0].parameters.properties.n.type',
          message: expect.stringContaining('"float"'),
        },
        { path: 'tools[0].parameters.properties.s' },
        { path: 'tools[0].parameters.required[1]', message: expect.stringContaining('"missing"') },
      ],
    },
    {
      code: 'unknown_setting_agent',
      input: {
        ...twoAgents,
        interaction: {
          mode: 'autonomous',
          autonomousAgents: ['a', 'ghost'],
          turnLimits: { phantom: 2 },
        },
      },
      expected: [
        { path: 'interaction.autonomousAgents[1]' },
        { path: 'interaction.turnLimits.phantom' },
      ],
    },
    {
      code: 'non_positive_turn_limit',
      input: { ...twoAgents, interaction: { mode: 'autonomous', turnLimits: { a: 0, b: -2 } } },
      expected: [{ path: 'interaction.turnLimits.a' }, { path: 'interaction.turnLimits.b' }],
    },
    {
      code: 'non_positive_limit',
      input: { ...twoAgents, termination: { maxMessages: 0, maxHandoffsPerTurn: -1 } },
      expected: [{ path: 'termination.maxMessages' }, { path: 'termination.maxHandoffsPerTurn' }],
    },
    {
      code: 'unreachable_agent',
      input: {
        agents: [agent('a'), agent('b'), agent('c')],
        handoffs: [edge('a', 'b'), edge('c', 'a')],
      },
      expected: [{ path: 'agents[2]', agent: 'c' }],
    },
    {
      code: 'start_agent_cannot_hand_off',
      input: { agents: [agent('a'), agent('b')], handoffs: [edge('b', 'a')] },
      expected: [{ path: 'startAgent', agent: 'a' }],
    },
    {
      code: 'unbounded_autonomous_cycle',
      input: {
        agents: [agent('a'), agent('b'), agent('c')],
        handoffs: [edge('a', 'b'), edge('b', 'a'), edge('b', 'c')],
        interaction: { mode: 'autonomous' },
      },
      expected: [{ path: 'termination', message: expect.stringContaining('"a", "b"') }],
    },
    {
      code: 'missing_handoff_description',
      input: {
        agents: [agent('a'), agent('b', { description: '' }), agent('c', { description: '' })],
        handoffs: [
          { source: 'a', target: 'b' },
          { source: 'a', target: 'c', description: 'the edge says it' },
        ],
      },
      expected: [{ path: 'handoffs[0].description', edge: { source: 'a', target: 'b', index: 0 } }],
    },
    {
      code: 'empty_instructions',
      input: { ...twoAgents, agents: [agent('a'), agent('b', { instructions: '  ' })] },
      expected: [{ path: 'agents[1].instructions', agent: 'b' }],
    },
    {
      code: 'empty_keyword',
      input: { ...twoAgents, termination: { keywords: ['bye', ''] } },
      expected: [{ path: 'termination.keywords[1]' }],
    },
    {
      code: 'template_unknown_argument',
      input: {
        ...twoAgents,
        tools: [
          {
            name: 't',
            parameters: { type: 'object', properties: { order: { type: 'string' } } },
            result: 'Done {{order}} {{ordr}}',
          },
        ],
      },
      expected: [{ path: 'tools[0].result', message: expect.stringContaining('{{ordr}}') }],
    },
    {
      code: 'implied_mesh',
      input: { agents: [agent('a'), agent('b')], handoffs: [] },
      expected: [{ path: 'handoffs', severity: 'info' }],
    },
    {
      code: 'terminal_agent',
      input: twoAgents,
      expected: [{ path: 'agents[1]', agent: 'b', severity: 'info' }],
    },
    {
      code: 'unused_tool',
      input: { ...twoAgents, tools: [{ name: 'lonely' }] },
      expected: [{ path: 'tools[0]', severity: 'info' }],
    },
    {
      code: 'autonomous_settings_unused',
      input: { ...twoAgents, interaction: { mode: 'interactive', turnLimits: { a: 3 } } },
      expected: [{ path: 'interaction.mode' }],
    },
    // Routing tests (docs/spec/tests.md#validation); more in routingValidate.test.ts.
    {
      code: 'invalid_test_id',
      input: { ...twoAgents, tests: [testCase({ id: 'bad id' })] },
      expected: [{ path: 'tests[0].id', testCase: 'bad id' }],
    },
    {
      code: 'duplicate_test_id',
      input: { ...twoAgents, tests: [testCase(), testCase()] },
      expected: [{ path: 'tests[1].id', testCase: 't' }],
    },
    {
      code: 'empty_test_turns',
      input: { ...twoAgents, tests: [testCase({ turns: [] })] },
      expected: [{ path: 'tests[0].turns' }],
    },
    {
      code: 'invalid_route_pattern',
      input: { ...twoAgents, tests: [testCase({ expect: { route: 'a > (b' } })] },
      expected: [{ path: 'tests[0].expect.route', column: 7 }],
    },
    {
      code: 'unknown_test_agent',
      input: { ...twoAgents, tests: [testCase({ expect: { route: 'a > c', endAgent: 'd' } })] },
      expected: [
        { path: 'tests[0].expect.route', column: 5 },
        { path: 'tests[0].expect.endAgent' },
      ],
    },
    {
      code: 'unknown_test_tool',
      input: { ...twoAgents, tests: [testCase({ expect: { tools: [{ name: 'nope' }] } })] },
      expected: [{ path: 'tests[0].expect.tools[0].name' }],
    },
    {
      code: 'invalid_test_regex',
      input: { ...twoAgents, tests: [testCase({ expect: { messages: [{ matches: '[' }] } })] },
      expected: [{ path: 'tests[0].expect.messages[0].matches' }],
    },
    {
      code: 'invalid_pass_rate',
      input: { ...twoAgents, tests: [testCase({ passRate: 150 })] },
      expected: [{ path: 'tests[0].passRate' }],
    },
    {
      code: 'negative_test_limit',
      input: { ...twoAgents, tests: [testCase({ expect: { maxModelCalls: -1 } })] },
      expected: [{ path: 'tests[0].expect.maxModelCalls' }],
    },
  ];

  it('has a case for every issue code', () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(Object.keys(ISSUE_CODES)));
  });

  for (const { code, input, edit, expected } of cases) {
    it(`reports ${code} (${ISSUE_CODES[code]})`, () => {
      const found = issuesOf(code, input, edit);
      expect(found).toEqual(
        expected.map((e) => expect.objectContaining({ code, severity: ISSUE_CODES[code], ...e })),
      );
      for (const i of found) expect(i.message.length).toBeGreaterThan(10);
    });
  }

  it('warns about each target with no description in the implied mesh', () => {
    const found = issuesOf('missing_handoff_description', {
      agents: [agent('a'), agent('b', { description: '' })],
    });
    expect(found).toEqual([expect.objectContaining({ path: 'agents[1].description', agent: 'b' })]);
  });

  it('does not warn about a bounded autonomous cycle', () => {
    const cycle = {
      agents: [agent('a'), agent('b')],
      handoffs: [edge('a', 'b'), edge('b', 'a')],
    };
    expect(
      issuesOf('unbounded_autonomous_cycle', {
        ...cycle,
        interaction: { mode: 'autonomous', turnLimits: { a: 5 } },
      }),
    ).toEqual([]);
    expect(
      issuesOf('unbounded_autonomous_cycle', {
        ...cycle,
        interaction: { mode: 'autonomous' },
        termination: { maxMessages: 20 },
      }),
    ).toEqual([]);
    expect(
      issuesOf('unbounded_autonomous_cycle', {
        ...cycle,
        interaction: { mode: 'autonomous', autonomousAgents: ['a'] },
      }),
    ).toEqual([]);
    expect(
      issuesOf('unbounded_autonomous_cycle', { ...cycle, interaction: { mode: 'interactive' } }),
    ).toEqual([]);
    expect(
      issuesOf('unbounded_autonomous_cycle', {
        agents: [agent('a'), agent('b')],
        interaction: { mode: 'autonomous' },
      }),
    ).toHaveLength(1);
  });

  it('lets an agent named "constructor" or "__defineGetter__" through like any other', () => {
    const issues = validateWorkflow(
      doc({
        startAgent: 'constructor',
        agents: [agent('constructor'), agent('toString')],
        handoffs: [edge('constructor', 'toString')],
        interaction: { mode: 'autonomous', turnLimits: { toString: 2 } },
      }),
    );
    expect(hasErrors(issues)).toBe(false);
  });

  it('validates 5,000 agents and 50,000 edges', () => {
    const agents = Array.from({ length: 5000 }, (_, i) => agent(`agent_${i}`));
    const handoffs = Array.from({ length: 50_000 }, (_, i) =>
      edge(`agent_${i % 5000}`, `agent_${(i * 7 + 1 + Math.floor(i / 5000)) % 5000}`),
    ).filter((e) => e.source !== e.target);
    const issues = validateWorkflow(doc({ agents, handoffs, startAgent: 'agent_0' }));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('validateWorkflow: what a mesh implies', () => {
  it('is an error when agents without handoffs imply more handoffs than the limit', () => {
    const at = doc({
      agents: Array.from({ length: 316 }, (_, i) => agent(`a${i}`)),
      startAgent: 'a0',
    });
    expect(validateWorkflow(at).filter((i) => i.code === 'implied_mesh_too_large')).toEqual([]);
    // Edited in the app, a document can grow past what the parser accepts.
    const over = { ...at, agents: [...at.agents, { ...at.agents[0]!, name: 'a316' }] };
    expect(validateWorkflow(over).filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({
        code: 'implied_mesh_too_large',
        path: 'handoffs',
        message: expect.stringContaining('317 agents without handoffs imply 100172'),
      }),
    ]);
  });
});
