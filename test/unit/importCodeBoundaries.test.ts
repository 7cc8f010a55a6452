/** src/import is a pure layer like src/model (eslint.config.js): it builds on src/model only. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src/import/code/probe.ts' });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('src/import boundaries', () => {
  it.each([
    "import { useState } from 'react';",
    "import Dexie from 'dexie';",
    "import { readFile } from 'node:fs';",
    "import { readFile } from 'fs';",
    "import { App } from '../../ui/shell/App';",
    "import { startRun } from '../../engine/runner';",
    "import { createApp } from '../../app/createApp';",
    "import { main } from '../../cli';",
  ])('may not: %s', async (line) => {
    expect(await ruleIds(`${line}\nexport const x = 1;\n`)).toContain('no-restricted-imports');
  });

  it('may not touch DOM globals', async () => {
    const ids = await ruleIds('export const w = window.innerWidth + document.title.length;\n');
    expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(2);
  });

  it('may import the model and web-tree-sitter', async () => {
    expect(
      await ruleIds(
        "import type { Workflow } from '../../model';\nimport { Parser } from 'web-tree-sitter';\n" +
          'export type W = Workflow;\nexport const p = Parser;\n',
      ),
    ).toEqual([]);
  });
});
