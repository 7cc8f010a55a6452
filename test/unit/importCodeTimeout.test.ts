/**
 * The parse-time limit (docs/spec/import-code.md#limits), judged with an injected clock so that
 * the result does not depend on how fast the machine parses: a clock that jumps past the limit
 * during a parse stops it with `code_parse_timeout`; a clock that stands still never does.
 */
import { describe, expect, it } from 'vitest';
import { importCode, CODE_IMPORT_LIMITS, CodeImportError } from '../../src/import/code';
import { nodeCodeParser } from '../../src/cli/grammarFiles';

// Big enough for tree-sitter to ask the progress callback several times.
const SOURCE = [
  'from agents import Agent',
  ...Array.from({ length: 3000 }, (_, i) => `x${i} = {"k": [${i}, "v"]}`),
  'a = Agent(name="a", instructions="A.")',
].join('\n');

describe('the parse-time limit', () => {
  it('stops a parse whose clock passes the limit: code_parse_timeout', async () => {
    let now = 0;
    const parser = nodeCodeParser(() => {
      const t = now;
      now += CODE_IMPORT_LIMITS.parseMs; // each look at the clock: the whole budget gone
      return t;
    });
    const error = await importCode(SOURCE, 'python', parser).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodeImportError);
    expect((error as CodeImportError).code).toBe('code_parse_timeout');
    expect(now).toBeGreaterThan(CODE_IMPORT_LIMITS.parseMs * 2);
  });

  it('parses the same source while the clock stays within the limit', async () => {
    let calls = 0;
    const parser = nodeCodeParser(() => {
      calls += 1;
      return 1000;
    });
    const result = await importCode(SOURCE, 'python', parser);
    expect(result.framework).toBe('openai-agents');
    expect(result.workflow?.agents.map((a) => a.name)).toEqual(['a']);
    expect(calls).toBeGreaterThan(1);
  });
});
