/** Rewrites workflow files in canonical form (used for the examples): tsx scripts/canonicalize.ts FILE... */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseWorkflowText, serializeWorkflow } from '../src/model';

let failed = false;
for (const [i, file] of process.argv.slice(2).entries()) {
  const result = parseWorkflowText(readFileSync(file, 'utf8'));
  if (!result.ok) {
    failed = true;
    for (const p of result.problems)
      console.error(`${file}: ${p.path || '(document)'}: ${p.message}`);
    continue;
  }
  const out = process.env.OUT_DIR ? `${process.env.OUT_DIR}/${file.split('/').pop()}` : file;
  writeFileSync(out, serializeWorkflow(result.doc));
  console.log(`${i + 1}. ${out}`);
}
process.exit(failed ? 1 : 0);
