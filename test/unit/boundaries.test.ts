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

  describe('the services (src/runs, src/library) hold no React or view code', () => {
    const refused = [
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { useStore } from 'zustand';",
      "import { ReactFlow } from '@xyflow/react';",
      "import * as monaco from 'monaco-editor';",
      "import { readFile } from 'node:fs';",
      "import { App } from '../ui/shell/App';",
      "import { useUi } from '../ui/uiStore';",
      "import { createApp } from '../app';",
      "import { useApp } from '../app/appContext';",
      "import { useDesigner } from '../store/hooks';",
    ];
    for (const layer of ['src/library/probe.ts', 'src/runs/probe.ts']) {
      for (const line of refused) {
        it(`${layer} may not: ${line}`, async () => {
          expect(await ruleIds(layer, `${line}\nexport const x = 1;\n`)).toContain(
            'no-restricted-imports',
          );
        });
      }
      it(`${layer} may use the store, storage, engine and zustand's vanilla stores`, async () => {
        const code =
          "import { createStore } from 'zustand/vanilla';\n" +
          "import { onDocumentChange } from '../store';\n" +
          "import type { WorkflowRepository } from '../storage/workflows';\n" +
          "import type { RunEvent } from '../engine/events';\n" +
          'export type T = [WorkflowRepository, RunEvent];\n' +
          'export const x = [createStore, onDocumentChange];\n';
        expect(await ruleIds(layer, code)).toEqual([]);
      });
    }
  });
});
