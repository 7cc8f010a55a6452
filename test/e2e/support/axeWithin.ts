/** Accessibility scan of one part of the page (a dialog): see axe.ts for the whole page. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Axe-core on one part of the page: no serious or critical violation (contrast included). */
export async function expectNoSeriousViolationsIn(page: Page, selector: string, what: string) {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `serious accessibility violations in ${what}`).toEqual([]);
}
