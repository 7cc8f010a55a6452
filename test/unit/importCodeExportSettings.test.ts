/**
 * The settings of Handoff Studio's own Agents SDK exports, read from their module constants
 * (docs/spec/import-code.md): literal constants only, each reported with its line; a constant
 * bound to anything else leaves the setting as if the constant were absent.
 */
import { describe, expect, it } from 'vitest';
import { importCode, type CodeLanguage } from '../../src/import/code';
import { nodeCodeParser } from '../../src/cli/grammarFiles';

const parser = nodeCodeParser();

const TS_AGENTS = `import { Agent } from '@openai/agents';
const a = new Agent({ name: 'a', instructions: 'A' });
const b = new Agent({ name: 'b', instructions: 'B', handoffs: [a] });
`;

const PY_AGENTS = `from agents import Agent
a = Agent(name="a", instructions="A")
b = Agent(name="b", instructions="B", handoffs=[a])
`;

async function read(code: string, lang: CodeLanguage) {
  const result = await importCode(code, lang, parser);
  const settings = result.report.filter((n) => n.code === 'setting_recognised');
  return { doc: result.workflow!, lines: settings.map((n) => n.line) };
}

describe('Agents SDK export constants, TypeScript', () => {
  it('reads literal constants, each with its line', async () => {
    const { doc, lines } = await read(
      `${TS_AGENTS}export const WORKFLOW_NAME = "desk";
export const WORKFLOW_DESCRIPTION = "A desk.";
const RETURN_TO_PREVIOUS: boolean = false;
const AUTONOMOUS_PROMPT: string | undefined = "Go on.";
const TURN_LIMITS = new Map<string, number>([["a", 2]]);
const TERMINATION: { maxMessages?: number; keywords: string[]; endOnTerminalAgent: boolean } = {
  maxMessages: 9,
  keywords: ["bye"],
  endOnTerminalAgent: true,
};
`,
      'typescript',
    );
    expect(doc.name).toBe('desk');
    expect(doc.description).toBe('A desk.');
    expect(doc.interaction).toMatchObject({
      mode: 'autonomous',
      returnToPrevious: false,
      autonomousPrompt: 'Go on.',
      autonomousAgents: ['a'],
      turnLimits: { a: 2 },
    });
    expect(doc.termination).toMatchObject({
      maxMessages: 9,
      keywords: ['bye'],
      endOnTerminalAgent: true,
    });
    expect(lines).toEqual([4, 5, 6, 8, 10, 11, 12]);
  });

  it('leaves computed constants as if they were absent', async () => {
    const plain = await read(TS_AGENTS, 'typescript');
    const { doc, lines } = await read(
      `${TS_AGENTS}export const WORKFLOW_NAME = process.env.NAME;
const RETURN_TO_PREVIOUS = flag();
const AUTONOMOUS_PROMPT = "Go on.";
const TURN_LIMITS = limits();
const TERMINATION = load();
`,
      'typescript',
    );
    expect(lines).toEqual([]);
    expect(doc).toEqual(plain.doc);
  });
});

describe('Agents SDK export constants, Python', () => {
  it('reads literal constants, each with its line', async () => {
    const { doc, lines } = await read(
      `${PY_AGENTS}WORKFLOW_NAME = "desk"
WORKFLOW_DESCRIPTION = "A desk."
START_AGENT = "a"
AUTONOMOUS_PROMPT = "Go on."
TURN_LIMITS: dict[str, int] = {"b": 4}
MAX_MESSAGES = 9
MAX_USER_MESSAGES = None
KEYWORDS: list[str] = ["bye"]
`,
      'python',
    );
    expect(doc.name).toBe('desk');
    expect(doc.description).toBe('A desk.');
    expect(doc.startAgent).toBe('a');
    expect(doc.interaction).toMatchObject({
      mode: 'autonomous',
      autonomousPrompt: 'Go on.',
      autonomousAgents: ['b'],
      turnLimits: { b: 4 },
    });
    expect(doc.termination.maxMessages).toBe(9);
    expect(doc.termination.maxUserMessages).toBeUndefined();
    expect(doc.termination.keywords).toEqual(['bye']);
    expect(lines).toEqual([4, 5, 6, 8, 9, 11]);
  });

  it('leaves computed constants as if they were absent', async () => {
    const plain = await read(PY_AGENTS, 'python');
    const { doc, lines } = await read(
      `${PY_AGENTS}WORKFLOW_NAME = os.environ["NAME"]
START_AGENT = pick()
AUTONOMOUS_PROMPT = "Go on."
TURN_LIMITS = {name: 3 for name in NAMES}
MAX_MESSAGES = limit()
KEYWORDS = load_keywords()
`,
      'python',
    );
    expect(lines).toEqual([]);
    expect(doc).toEqual(plain.doc);
  });
});
