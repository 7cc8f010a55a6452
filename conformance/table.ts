/**
 * The README's conformance results table (`npm run conformance -- --markdown`): one row per
 * scenario, one column per side, each cell `agrees`, `differs as documented` or `DIFFERS`.
 */
import type { Side } from './side';
import type { Verdict } from './verdict';

const CELL: Record<Verdict['kind'], string> = {
  agrees: 'agrees',
  documented: 'differs as documented',
  differs: '**DIFFERS**',
};

export function resultsTable(
  results: ReadonlyMap<string, ReadonlyMap<string, Verdict['kind']>>,
  sides: ReadonlyArray<Pick<Side, 'name' | 'label'>>,
): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    `| Scenario | ${sides.map((s) => s.label).join(' | ')} |`,
    `|---|${sides.map(() => '---').join('|')}|`,
  ];
  for (const [scenario, row] of results) {
    const cells = sides.map((s) => {
      const kind = row.get(s.name);
      return kind ? CELL[kind] : '—';
    });
    lines.push(`| ${escape(scenario)} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
