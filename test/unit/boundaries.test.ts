import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries (eslint.config.js)', () => {
  const forbidden = [
    "import { useState } from 'react';",
    "import { ReactFlow } from '@xyflow/react';",
    "import Dexie from 'dexie';",
    "import * as monaco from 'monaco-editor';",
    "import { readFile } from 'node:fs';",
    "import { readFile } from 'fs';",
    "import { App } from '../ui/shell/App';",
  ];

  for (const layer of ['src/model/probe.ts', 'src/engine/probe.ts']) {
    for (const line of forbidden) {
      it(`${layer} may not: ${line}`, async () => {
        expect(await ruleIds(layer, `${line}\nexport const x = 1;\n`)).toContain(
          'no-restricted-imports',
        );
      });
    }
    it(`${layer} may not touch DOM globals`, async () => {
      const ids = await ruleIds(
        layer,
        'export const w = window.innerWidth + document.title.length;\n',
      );
      expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(2);
    });
  }

  it('src/model may not import the engine', async () => {
    expect(
      await ruleIds(
        'src/model/probe.ts',
        "import { x } from '../engine/run';\nexport const y = x;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('the engine may import the model, and the UI may import React', async () => {
    expect(
      await ruleIds(
        'src/engine/probe.ts',
        "import { z } from 'zod';\nimport type { Workflow } from '../model';\nexport type W = Workflow;\nexport const s = z.string();\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        'src/ui/probe.ts',
        "import { useState } from 'react';\nexport const u = useState;\n",
      ),
    ).toEqual([]);
  });
});
