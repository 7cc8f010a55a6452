/**
 * Regenerates the golden exports (test/fixtures/golden/<example>.{mmd,py,cs,agents.ts}) from every example in
 * public/examples, and those of the hand-made hostile documents in test/fixtures/golden/tricky/
 * (written beside them). Run after an intended change to an exporter:
 * `npx tsx scripts/write-goldens.ts`, then review the diff.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseWorkflowText } from '../src/model/parse';
import { exportWorkflow, type ExportTarget } from '../src/model/export';

const EXAMPLES = 'public/examples';
const GOLDEN = 'test/fixtures/golden';
const TRICKY = join(GOLDEN, 'tricky');
const TARGETS: ReadonlyArray<[string, ExportTarget]> = [
  ['mmd', 'mermaid'],
  ['py', 'python'],
  ['cs', 'dotnet'],
  ['agents.ts', 'agents-ts'],
  ['agents.py', 'agents-py'],
];

function writeGoldens(source: string, outDir: string): void {
  const result = parseWorkflowText(readFileSync(source, 'utf8'));
  if (!result.ok) {
    console.error(`${source}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    process.exit(1);
  }
  for (const [ext, target] of TARGETS) {
    const out = join(outDir, `${basename(source, '.json')}.${ext}`);
    writeFileSync(out, exportWorkflow(result.doc, target));
    console.log(`wrote ${out}`);
  }
}

mkdirSync(GOLDEN, { recursive: true });
for (const [dir, outDir] of [
  [EXAMPLES, GOLDEN],
  [TRICKY, TRICKY],
] as const) {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    writeGoldens(join(dir, file), outDir);
  }
}
