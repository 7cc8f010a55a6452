/**
 * The canvas test view (src/testing/testView.ts) on the 500-agent graph: time to derive the view
 * from 1,000 finished samples at once, and the cost of one more sample (what the canvas pays as
 * a suite goes on; a frame is 16 ms).
 */
import { parseWorkflowText } from '../src/model/parse';
import type { TestCase } from '../src/model/testCases';
import { buildTestView, TestView, type ViewSample } from '../src/testing/testView';
import { generateDocumentText } from './model';
import { ms, table, time } from './measure';

export function benchTestView(): void {
  const parsed = parseWorkflowText(generateDocumentText(500, 4));
  if (!parsed.ok) throw new Error('the generated document does not parse');
  const doc = parsed.doc;
  const names = doc.agents.map((a) => a.name);
  const next = new Map<string, string[]>();
  for (const h of doc.handoffs) next.set(h.source, [...(next.get(h.source) ?? []), h.target]);
  // 50 cases, each a plain route of 6 agents along real handoffs.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const walk = (length: number): string[] => {
    const path = [doc.startAgent];
    while (path.length < length) {
      const options = next.get(path.at(-1)!) ?? names;
      path.push(options[Math.floor(random() * options.length)]!);
    }
    return path;
  };
  const cases: TestCase[] = Array.from({ length: 50 }, (_, i) => ({
    id: `case_${i}`,
    name: `Case ${i}`,
    turns: ['hello'],
    expect: { route: walk(6).join(' > '), avoids: [names[i + 10]!] },
  }));
  const samples: ViewSample[] = Array.from({ length: 1000 }, (_, i) => ({
    caseId: `case_${i % 50}`,
    runId: `run_${i}`,
    passed: random() > 0.3,
    path: walk(4 + Math.floor(random() * 6)),
  }));
  const all = time(() => buildTestView(cases, samples), 9, 2);
  const view = new TestView(cases);
  for (const s of samples.slice(0, 999)) view.add(s);
  const one = time(() => view.add(samples[999]!), 50, 5);
  // What every mounted edge reads after a sample: its stats and tone.
  const edges = doc.handoffs;
  const read = time(
    () => {
      for (const h of edges) view.tone(h.source, h.target);
    },
    20,
    3,
  );
  console.log('\n## Canvas test view (500 agents, 2,000 handoffs, 50 cases)');
  table([
    { what: 'derive from 1,000 samples', median: ms(all.median), p95: ms(all.p95) },
    { what: 'one more sample', median: ms(one.median), p95: ms(one.p95) },
    { what: 'every edge reads its tone', median: ms(read.median), p95: ms(read.p95) },
  ]);
}
