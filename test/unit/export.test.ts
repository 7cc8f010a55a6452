import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkflow, parseWorkflowText, serializeWorkflow } from '../../src/model';
import type { Workflow, WorkflowInput } from '../../src/model';
import {
  exportDotnet,
  exportMermaid,
  exportPython,
  exportWorkflow,
  mermaidText,
  quoted,
  type ExportTarget,
} from '../../src/model/export';

const EXAMPLES = 'public/examples';
const GOLDEN = 'test/fixtures/golden';
const TARGETS: ReadonlyArray<[string, ExportTarget]> = [
  ['mmd', 'mermaid'],
  ['py', 'python'],
  ['cs', 'dotnet'],
  ['agents.ts', 'agents-ts'],
];

function load(path: string): Workflow {
  const result = parseWorkflowText(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.problems)}`);
  return result.doc;
}

function doc(input: Partial<WorkflowInput>): Workflow {
  const result = parseWorkflow({
    format: 'handoff-workflow',
    version: 1,
    name: 'test',
    startAgent: 'a',
    agents: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

const example = (name: string) => load(join(EXAMPLES, `${name}.json`));
const sources = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [join(EXAMPLES, f), GOLDEN] as const),
  [join(GOLDEN, 'tricky', 'tricky.json'), join(GOLDEN, 'tricky')] as const,
];

describe('golden files', () => {
  it('covers every example', () => {
    expect(sources.length).toBeGreaterThanOrEqual(5);
  });
  for (const [source, dir] of sources) {
    for (const [ext, target] of TARGETS) {
      const golden = join(dir, `${basename(source, '.json')}.${ext}`);
      it(`${golden} matches exportWorkflow(${target})`, () => {
        expect(exportWorkflow(load(source), target)).toBe(readFileSync(golden, 'utf8'));
      });
    }
  }
  it("'json' is the canonical serialisation", () => {
    const d = example('customer_support');
    expect(exportWorkflow(d, 'json')).toBe(serializeWorkflow(d));
  });
});

describe('quoted literals', () => {
  it('escape line separators, bidi and invisible characters, and keep ordinary unicode', () => {
    const text = 'a\u2028b\u2029c\u202ed\u200be\ufefff\u0085g\u0000h"i\\j\n中😀';
    const lit = quoted(text);
    expect(lit).toBe('"a\\u2028b\\u2029c\\u202ed\\u200be\\ufefff\\u0085g\\u0000h\\"i\\\\j\\n中😀"');
    expect([...lit].filter((ch) => /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(ch))).toEqual([]);
    expect(quoted('\u{e0001}')).toBe('"\\U000e0001"');
  });
});

describe('exportMermaid', () => {
  it('draws one node per agent and each explicit edge with its effective description', () => {
    const out = exportMermaid(example('homework_tutors'));
    expect(out.startsWith('flowchart LR\n')).toBe(true);
    expect(out.match(/^ {2}a_\w+\["/gm)).toHaveLength(3);
    expect(out).toContain(
      'a_math_tutor -->|"The student asks about something other than math."| a_triage_tutor',
    );
    // No edge description: the target's description is used (cut with an ellipsis at 60).
    expect(out).toContain('a_triage_tutor -->|"Specialist for math questions: arithmetic, algebra');
    expect(out).toMatch(/-->\|"[^"]{59}…"\|/);
    expect(out).not.toContain('-.->');
  });

  it('marks the start agent and terminal agents', () => {
    const out = exportMermaid(example('customer_support'));
    expect(out).toContain('a_triage_agent["triage_agent<br/>▶ start"]');
    expect(out).toContain('a_refund_agent["refund_agent<br/>■ terminal"]');
    expect(out).toContain('class a_triage_agent start');
    expect(out).toContain('class a_refund_agent,a_order_agent,a_return_agent terminal');
  });

  it('draws the implied mesh as dashed edges, with the fallback description', () => {
    const out = exportMermaid(
      doc({ agents: [{ name: 'a', description: 'Alpha' }, { name: 'b' }] }),
    );
    expect(out).toContain('a_b -.->|"Alpha"| a_a');
    expect(out).toContain('a_a -.->|"Handoff to the b agent."| a_b');
    expect(out.match(/-\.->/g)).toHaveLength(2);
  });

  it('keeps labels inside their quotes and node ids off Mermaid keywords', () => {
    const label = mermaidText('say "hi"\n| <b> & #1; `x` {y}');
    expect(label).toBe('say #34;hi#34; #124; #60;b#62; #38; #35;1; #96;x#96; #123;y#125;');
    const out = exportMermaid(doc({ agents: [{ name: 'end' }, { name: 'a' }], startAgent: 'a' }));
    expect(out).toContain('a_end["end"]');
    expect(out).not.toMatch(/^\s*end\b/m);
  });
});

describe('exportPython', () => {
  const support = exportPython(example('customer_support'));

  it('adds every explicit edge with its description', () => {
    for (const edge of example('customer_support').handoffs) {
      expect(support).toContain(
        `builder.add_handoff(\n        ${edge.source},\n        [${edge.target}],\n` +
          `        description=${JSON.stringify(edge.description)},\n    )`,
      );
    }
    expect(exportPython(example('homework_tutors'))).toContain(
      'description="Specialist for math questions: arithmetic, algebra, geometry and calculus.",',
    );
  });

  it('requires approval exactly where the document does', () => {
    const refund = support.slice(support.indexOf('process_refund = _template_tool('));
    expect(refund.slice(0, refund.indexOf('\n)\n'))).toContain('approval_mode="always_require"');
    const status = support.slice(support.indexOf('check_order_status = _template_tool('));
    expect(status.slice(0, status.indexOf('\n)\n'))).toContain('approval_mode="never_require"');
    expect(support).toContain('tools=[process_refund],');
  });

  it('configures start, return-to-previous, model, temperature and termination', () => {
    expect(support).toContain('builder.with_start_agent(triage_agent)');
    expect(support).toContain('builder.enable_return_to_previous(True)');
    expect(support).toContain(
      'default_options={"model": model or "gpt-5.4-mini", "temperature": 0.2}',
    );
    expect(support).toContain('termination_condition=should_terminate,');
    expect(support).toContain('if len(transcript) >= 40:');
    const returns = exportPython(doc({ interaction: { returnToPrevious: false } }));
    expect(returns).toContain('builder.enable_return_to_previous(False)');
    expect(returns).not.toContain('termination_condition=');
    expect(returns).toContain('# No explicit handoffs');
  });

  it('says in both exports that the model-call bound is not enforced, only when the document sets one', () => {
    const bound = doc({ termination: { maxModelCallsPerTurn: 30 } });
    const note = 'termination.maxModelCallsPerTurn = 30: Agent Framework has no bound';
    expect(exportPython(bound)).toContain(note);
    expect(exportDotnet(bound)).toContain(note);
    expect(exportPython(doc({}))).not.toContain('maxModelCallsPerTurn');
    expect(exportDotnet(doc({}))).not.toContain('maxModelCallsPerTurn');
  });

  it('turns on autonomous mode with agents, prompt and turn limits', () => {
    const out = exportPython(example('content_pipeline'));
    expect(out).toContain('agents=[researcher, writer, editor],');
    expect(out).toContain(
      'AUTONOMOUS_PROMPT = "User did not respond. Continue assisting autonomously."',
    );
    expect(out).toMatch(/turn_limits=\{\n\s+"researcher": 3,\n\s+"writer": 3,\n\s+"editor": 2,/);
    expect(support).not.toContain('with_autonomous_mode');
  });

  it('lists what Agent Framework cannot express, and every part it left out', () => {
    expect(support).toMatch(/^# - termination\.maxHandoffsPerTurn = 100: /m);
    const out = exportPython(
      doc({
        handoffs: [
          { source: 'a', target: 'b' },
          { source: 'a', target: 'zed' },
        ],
      }),
    );
    expect(out).toContain('# - handoffs[1] ("a" -> "zed") names an unknown agent; it is left out.');
  });

  it('never emits identifiers that are Python keywords or builtins', () => {
    const out = exportPython(
      doc({
        startAgent: 'class',
        agents: [{ name: 'class' }, { name: 'import' }, { name: 'print' }, { name: '9x' }],
      }),
    );
    expect(out).toContain('    class_ = Agent(');
    expect(out).toContain('    import_ = Agent(');
    expect(out).toContain('    print_ = Agent(');
    expect(out).toContain('    _9x = Agent(');
    expect(out).toContain('name="class",');
  });
});

describe('exportDotnet', () => {
  const support = exportDotnet(example('customer_support'));

  it('creates the builder from the start agent and adds each edge with its reason', () => {
    expect(support).toContain('AgentWorkflowBuilder.CreateHandoffBuilderWith(triage_agent)');
    expect(support).toContain(
      'builder.WithHandoff(triage_agent, refund_agent, "Customer wants money back for an order.");',
    );
    expect(support).toContain('chatClient.AsAIAgent(new ChatClientAgentOptions');
    expect(support).toContain('Id = "triage_agent",');
  });

  it('emits EnableReturnToPrevious only when the document asks for it', () => {
    expect(support).toContain('builder.EnableReturnToPrevious();');
    const off = exportDotnet(doc({ interaction: { returnToPrevious: false } }));
    expect(off).not.toContain('EnableReturnToPrevious');
  });

  it('wraps approval tools in ApprovalRequiredAIFunction', () => {
    expect(support).toContain(
      'AITool tool_process_refund = new ApprovalRequiredAIFunction(new TemplateTool("process_refund",',
    );
    expect(support).toContain('AITool tool_check_order_status = new TemplateTool(');
  });

  it('uses WithHandoffs when .NET derives the same reasons from the targets', () => {
    const out = exportDotnet(
      doc({
        agents: [
          { name: 'a' },
          { name: 'b', description: 'Bee' },
          { name: 'c', description: 'Sea' },
        ],
        handoffs: [
          { source: 'a', target: 'b' },
          { source: 'a', target: 'c' },
        ],
      }),
    );
    expect(out).toContain('builder.WithHandoffs(a, [b, c]);');
  });

  it('maps autonomous mode, leaving out agents whose limit is 0', () => {
    const out = exportDotnet(
      doc({ interaction: { mode: 'autonomous', turnLimits: { a: 0, b: 4 } } }),
    );
    expect(out).toContain('agents: new AIAgent[] { b, c },');
    expect(out).toContain('agentTurnLimits: new Dictionary<AIAgent, int> { [b] = 4 });');
    expect(out).toMatch(/^\/\/ - interaction\.turnLimits\["a"\] = 0: /m);
  });

  it('escapes C# keywords and keeps hostile strings inside literals', () => {
    const evil = '"; System.Diagnostics.Process.Start("x"); //\u2028x';
    const out = exportDotnet(
      doc({ startAgent: 'class', agents: [{ name: 'class', description: evil }, { name: 'b' }] }),
    );
    expect(out).toContain('ChatClientAgent class_ = ');
    expect(out).toContain(`Description = ${quoted(evil)},`);
    expect(out).not.toContain('\u2028');
  });
});
