/**
 * The Agent Framework traces checked in under test/fixtures/traces/af/ (for the e2e test and for
 * tests without Python): which scenario and capture setting made each. `npx tsx
 * test/support/afTraceFixtures.ts` writes them anew from the real framework.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXAMPLES } from '../../conformance/scenarios/examples';
import { afTrace, type AfTraceRequest } from './afTrace';

export const FIXTURE_DIR = resolve(import.meta.dirname, '../fixtures/traces/af');

export const AF_FIXTURES: ReadonlyArray<{ file: string; request: AfTraceRequest }> = [
  { file: 'customer_support.otlp.json', request: { scenario: EXAMPLES[0]!, capture: true } },
  {
    file: 'customer_support.no-content.otlp.json',
    request: { scenario: EXAMPLES[0]!, capture: false },
  },
];

if (process.argv[1] !== undefined && /afTraceFixtures\.ts$/.test(process.argv[1])) {
  for (const fixture of AF_FIXTURES) {
    const trace = await afTrace(fixture.request, true);
    writeFileSync(join(FIXTURE_DIR, fixture.file), trace.text);
    process.stdout.write(`wrote ${fixture.file}\n`);
  }
}
