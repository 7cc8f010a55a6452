import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  parseWorkflow,
  parseWorkflowText,
  scanDepth,
  type ParseResult,
} from '../../src/model';
import { minimalDoc } from '../support/docs';
import { findJsonSyntaxError } from '../../src/model/parseJsonError';

function problems(result: ParseResult) {
  if (result.ok) throw new Error('expected the document to be refused');
  return result.problems;
}

describe('parseWorkflow', () => {
  it('accepts a minimal document and fills the documented defaults', () => {
    const result = parseWorkflow(minimalDoc());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = result.doc;
    expect(doc.agents[0]).toEqual({ name: 'a', description: '', instructions: '', tools: [] });
    expect(doc.handoffs).toEqual([]);
    expect(doc.tools).toEqual([]);
    expect(doc.interaction).toEqual({
      mode: 'interactive',
      autonomousAgents: [],
      autonomousPrompt: 'User did not respond. Continue assisting autonomously.',
      turnLimits: {},
      returnToPrevious: true,
    });
    expect(doc.termination).toEqual({ maxHandoffsPerTurn: 100 });
    expect(doc.defaults).toEqual({});
  });

  it('fills tool defaults (approval never_require, parameters an empty object schema)', () => {
    const result = parseWorkflow({ ...minimalDoc(), tools: [{ name: 't' }] });
    expect(result.ok && result.doc.tools[0]).toEqual({
      name: 't',
      description: '',
      parameters: { type: 'object', properties: {} },
      approval: 'never_require',
    });
  });

  it('lists every problem with its JSON path, not only the first', () => {
    const result = parseWorkflow({
      format: 'handoff-workflow',
      version: 1,
      name: 42,
      startAgent: 'a',
      agents: [{ name: 'a' }, { name: 'b', tools: 'x' }, { description: 'no name' }],
      handoffs: [{ source: 'a', target: 7 }],
      interaction: { mode: 'sometimes', turnLimits: { a: 1.5 } },
      termination: { keywords: 'bye' },
    });
    const byPath = Object.fromEntries(problems(result).map((p) => [p.path, p.message]));
    expect(byPath).toEqual({
      name: 'must be text, not a number.',
      'agents[1].tools': 'must be an array, not a string.',
      'agents[2].name': 'this field is required (text).',
      'handoffs[0].target': 'must be text, not a number.',
      'interaction.mode': 'must be one of "interactive", "autonomous".',
      'interaction.turnLimits.a': 'must be a whole number.',
      'termination.keywords': 'must be an array, not a string.',
    });
  });

  it('names unknown fields (typos) one by one', () => {
    const doc = { ...minimalDoc(), agents: [{ name: 'a', descripton: 'typo' }], colour: 'red' };
    expect(problems(parseWorkflow(doc))).toEqual([
      {
        path: 'agents[0].descripton',
        message: expect.stringContaining('unknown field "descripton"'),
      },
      { path: 'colour', message: expect.stringContaining('unknown field "colour"') },
    ]);
  });

  it('refuses something that is not a workflow', () => {
    expect(problems(parseWorkflow([]))).toEqual([
      { path: '', message: 'A workflow document is a JSON object, not an array.' },
    ]);
    expect(problems(parseWorkflow(null))[0]!.message).toContain('not null');
    expect(problems(parseWorkflow({ ...minimalDoc(), format: 'bpmn' }))).toEqual([
      {
        path: 'format',
        message: 'this is not a Handoff Studio workflow ("format" must be "handoff-workflow").',
      },
    ]);
  });

  it('refuses a newer version and says so', () => {
    const [problem] = problems(parseWorkflow({ ...minimalDoc(), version: 7 }));
    expect(problem).toEqual({
      path: 'version',
      message: expect.stringMatching(/format version 7, newer than .*up to version 1.*Update/),
    });
  });

  it('refuses an older version with no migration', () => {
    const [problem] = problems(parseWorkflow({ ...minimalDoc(), version: 0 }));
    expect(problem!.message).toBe(
      'format version 0 is not supported (no migration from version 0).',
    );
  });

  it('accepts agent names with spaces or emoji as data (validate reports them)', () => {
    const doc = { ...minimalDoc(), agents: [{ name: 'my agent 🤖' }], startAgent: 'my agent 🤖' };
    expect(parseWorkflow(doc).ok).toBe(true);
  });

  it('refuses __proto__ keys anywhere, with their path, and pollutes nothing', () => {
    const text =
      '{"format":"handoff-workflow","version":1,"name":"x","startAgent":"a","agents":[{"name":"a"}],' +
      '"tools":[{"name":"t","parameters":{"type":"object","properties":{"__proto__":{"type":"string"}}}}],' +
      '"interaction":{"turnLimits":{"__proto__":{"polluted":true}}}}';
    const found = problems(parseWorkflowText(text));
    expect(found.map((p) => p.path).sort()).toEqual([
      'interaction.turnLimits.__proto__',
      'tools[0].parameters.properties.__proto__',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats "constructor" as an ordinary key and agent name', () => {
    const doc = {
      ...minimalDoc(),
      startAgent: 'constructor',
      agents: [{ name: 'constructor' }],
      interaction: { turnLimits: { constructor: 3 } },
    };
    const result = parseWorkflow(doc);
    expect(result.ok && result.doc.interaction.turnLimits.constructor).toBe(3);
  });

  it('handles wrong types everywhere without throwing', () => {
    const values = [0, -1, 1.5, '', 'x', true, null, [], {}, [[]], { a: {} }];
    for (const value of values) {
      for (const key of ['name', 'startAgent', 'agents', 'handoffs', 'tools', 'interaction']) {
        const result = parseWorkflow({ ...minimalDoc(), [key]: value });
        if (!result.ok) {
          for (const p of result.problems) {
            expect(p.message.length).toBeGreaterThan(5);
            expect(typeof p.path).toBe('string');
          }
        }
      }
    }
  });

  it('accepts 5,000 agents with their handoffs', () => {
    const agents = Array.from({ length: 5000 }, (_, i) => ({ name: `agent_${i}` }));
    const handoffs = agents.slice(1).map((a, i) => ({ source: `agent_${i}`, target: a.name }));
    const result = parseWorkflow({ ...minimalDoc(), agents, handoffs, startAgent: 'agent_0' });
    expect(result.ok && result.doc.agents.length).toBe(5000);
  });

  it('counts the handoffs an implied mesh stands for against the limit', () => {
    const agents = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `a${i}` }));
    // 316 × 315 = 99,540 implied handoffs: allowed; 317 × 316 = 100,172: refused.
    expect(parseWorkflow({ ...minimalDoc(), agents: agents(316) }).ok).toBe(true);
    expect(parseWorkflow({ ...minimalDoc(), agents: agents(316), handoffs: [] }).ok).toBe(true);
    const message =
      `317 agents without handoffs imply 100172 (every agent to every other), more than this ` +
      `version handles (at most ${LIMITS.maxHandoffs}). Draw the handoffs, or use at most 316 agents.`;
    expect(problems(parseWorkflow({ ...minimalDoc(), agents: agents(317) }))).toEqual([
      { path: 'handoffs', message },
    ]);
    expect(
      problems(parseWorkflow({ ...minimalDoc(), agents: agents(10_000), handoffs: [] })),
    ).toEqual([
      { path: 'handoffs', message: expect.stringContaining('10000 agents without handoffs') },
    ]);
    const chain = [{ source: 'a0', target: 'a1' }];
    expect(parseWorkflow({ ...minimalDoc(), agents: agents(317), handoffs: chain }).ok).toBe(true);
  });

  it('refuses more agents than the documented limit', () => {
    const agents = Array.from({ length: LIMITS.maxAgents + 1 }, (_, i) => ({ name: `a${i}` }));
    expect(problems(parseWorkflow({ ...minimalDoc(), agents }))).toEqual([
      { path: 'agents', message: expect.stringContaining(`at most ${LIMITS.maxAgents}`) },
    ]);
  });

  it('refuses over-long strings with their path', () => {
    const doc = minimalDoc();
    const long = 'x'.repeat(LIMITS.maxStringChars + 1);
    const found = problems(parseWorkflow({ ...doc, agents: [{ name: 'a', instructions: long }] }));
    expect(found).toEqual([
      { path: 'agents[0].instructions', message: expect.stringContaining('too long') },
    ]);
  });
});

describe('parseWorkflowText', () => {
  it('says where the JSON is broken', () => {
    const [problem] = problems(parseWorkflowText('{\n  "format": "handoff-workflow",\n  oops\n}'));
    expect(problem!.path).toBe('');
    expect(problem!.message).toBe(
      'This is not valid JSON: line 3, column 3: expected a property name in double quotes, ' +
        'found "o".',
    );
  });

  it.each([
    ['{"a":1,}', 1, 8, 'a comma before "}"'],
    ['{"a" 1}', 1, 6, 'expected ":" after the property name'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}" after a property value'],
    ['[1, 2,]', 1, 7, 'a comma before "]"'],
    ['{"a": [1, 2}', 1, 12, 'expected "," or "]" after an array item'],
    ['{"a": tru}', 1, 7, 'unexpected word "tru"'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['{"a": "x\ny"}', 1, 9, 'a line break or control character inside a string'],
    ['{"a": "x\\q"}', 1, 9, 'is not an escape JSON knows'],
    ['{"a": 01}', 1, 7, 'not a number'],
    ['{"a": 1} x', 1, 10, 'after the end of the JSON value'],
    ['{\r\n"a": 1\r\n', 3, 1, 'ends too early: "}" is missing'],
    ['{"a": "never', 1, 7, 'never closed'],
    ['', 1, 1, 'the text is empty'],
  ])('says line and column of %j in any engine', (text, line, column, what) => {
    const [problem] = problems(parseWorkflowText(text));
    expect(problem!.message).toContain(`This is not valid JSON: line ${line}, column ${column}: `);
    expect(problem!.message).toContain(what);
  });

  it('finds no syntax error in valid JSON (the scan agrees with JSON.parse)', () => {
    for (const text of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n"]} ',
      '0',
    ]) {
      expect(findJsonSyntaxError(text), text).toBeUndefined();
    }
  });

  it('refuses empty text and plain text', () => {
    expect(problems(parseWorkflowText(''))[0]!.message).toMatch(/not valid JSON/);
    expect(problems(parseWorkflowText('hello'))[0]!.message).toMatch(/not valid JSON/);
  });

  it('refuses a 50 MB file quickly, before parsing it', () => {
    const text = `{"name":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const [problem] = problems(parseWorkflowText(text));
    expect(problem!.message).toMatch(/too large \(50\.0 MB\).*20\.0 MB/);
  });

  it('refuses 10,000-deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const [problem] = problems(parseWorkflowText(`{"tools":${deep}}`));
    expect(problem!.message).toBe(
      `The JSON is nested 10001 levels deep; at most ${LIMITS.maxDepth} allowed.`,
    );
  });

  it('refuses deep values handed over as objects too', () => {
    let value: unknown = {};
    for (let i = 0; i < 10_000; i++) value = { type: 'object', properties: { x: value } };
    const result = parseWorkflow({ ...minimalDoc(), tools: [{ name: 't', parameters: value }] });
    expect(problems(result)[0]!.message).toMatch(/nested too deeply/);
  });
});

describe('scanDepth', () => {
  it('ignores brackets inside strings and escaped quotes', () => {
    expect(scanDepth('{"a":"[[[{{\\"[["}')).toBe(1);
    expect(scanDepth('[[1],[[2]]]')).toBe(3);
    expect(scanDepth('"just a string"')).toBe(0);
  });
});
