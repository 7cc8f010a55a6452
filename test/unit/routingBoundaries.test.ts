/** src/routing is a pure layer (eslint.config.js): it imports only src/engine and src/model. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src/routing/probe.ts' });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('src/routing boundaries', () => {
  it.each([
    "import { useState } from 'react';",
    "import Dexie from 'dexie';",
    "import { readFile } from 'node:fs';",
    "import { createOpenAIProvider } from '../providers/openai';",
    "import { FileCheckpointStore } from '../storage/fileStore';",
    "import { createRunController } from '../runs';",
    "import { reduceTrace } from '../trace/reduce';",
    "import { App } from '../ui/shell/App';",
  ])('may not: %s', async (line) => {
    expect(await ruleIds(`${line}\nexport const x = 1;\n`)).toContain('no-restricted-imports');
  });

  it('may not touch the DOM', async () => {
    expect(await ruleIds('export const w = window.innerWidth;\n')).toContain(
      'no-restricted-globals',
    );
  });

  it('may import the engine and the model', async () => {
    const code =
      "import { startRun } from '../engine';\n" +
      "import { parseRoutePattern } from '../model';\n" +
      'export const x = [startRun, parseRoutePattern];\n';
    expect(await ruleIds(code)).toEqual([]);
  });
});
