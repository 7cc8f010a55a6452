/** The JSON view's path locator (src/ui/editor/jsonLocate.ts): pure, no Monaco. */
import { describe, expect, it } from 'vitest';
import { locatePath, parsePath } from '../../src/ui/editor/jsonLocate';
import { formatPath } from '../../src/model/path';

const text = JSON.stringify(
  {
    version: 7,
    agents: [{ name: 'a' }, { name: 'b', tools: 'all' }],
    turnLimits: { 'my agent': 3 },
  },
  null,
  2,
);
const at = (path: string) => {
  const range = locatePath(text, path);
  return range && text.slice(range.start, range.end);
};

describe('locatePath', () => {
  it('finds values by the paths that parse problems carry', () => {
    expect(at('version')).toBe('7');
    expect(at('agents[1].tools')).toBe('"all"');
    expect(at('agents[0]')).toBe('{\n      "name": "a"\n    }');
    expect(at('turnLimits["my agent"]')).toBe('3');
    expect(at('')).toBe(text);
  });

  it('falls back to the deepest part of the path that exists', () => {
    expect(at('agents[1].description')).toBe(
      text.slice(text.indexOf('{\n      "name": "b"'), text.indexOf('}\n  ]') + 1),
    );
    expect(at('agents[5].name')).toMatch(/^\[/);
  });

  it('stops at a syntax error without throwing', () => {
    expect(locatePath('{"version": x}', 'version')).toBeUndefined();
    expect(locatePath('{"a": {"b": 1}', 'a.b')).toBeDefined();
  });

  it('reads back what formatPath writes', () => {
    for (const segments of [
      ['agents', 2, 'name'],
      ['turnLimits', 'my agent'],
      ['x', 'a.b', 0],
    ]) {
      expect(parsePath(formatPath(segments))).toEqual(segments);
    }
  });
});
