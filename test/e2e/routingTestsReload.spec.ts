/**
 * A suite survives a reload mid-run (issue 14): the samples that finished are kept, the suite
 * shows as interrupted with "Run again", and running it again finishes it.
 */
import { expect, test } from './fixtures';
import { RunPanelPage } from './pages/RunPanelPage';
import { expectUsable } from './support/usable';

test('reload mid-suite keeps the results so far', async ({ page, canvas }) => {
  await canvas.open('customer_support.json');
  // Slow replies, so the reload comes while the suite runs.
  const run = new RunPanelPage(page);
  await run.unfold();
  await run.pace(/Slow/);

  const panel = page.getByRole('region', { name: 'Tests panel' });
  await panel.getByRole('button', { name: 'Tests' }).click();
  const list = panel.getByRole('list', { name: 'Test cases' });
  const count = await list.getByRole('listitem').count();
  await panel.getByRole('button', { name: '▶ Run suite' }).click();
  const progress = panel.getByRole('status').filter({ hasText: 'samples' });
  await expect(progress).toContainText(/^[1-9]\d* \/ /, { timeout: 30_000 });
  const done = Number((await progress.textContent())!.split('/')[0]!.trim());
  expect(done).toBeLessThan(count);

  await page.reload();
  await expect(canvas.nodes.first()).toBeVisible();
  const summary = panel.getByRole('status').filter({ hasText: /cases? passed/ });
  await expect(summary).toContainText('interrupted');
  // What finished before the reload is still there, at least the samples seen then.
  const passedCount = await list.locator('.tests-badge').count();
  expect(passedCount).toBeGreaterThanOrEqual(done);
  expect(passedCount).toBeLessThan(count);

  const again = summary.getByRole('button', { name: 'Run again' });
  await expectUsable(again, 'Run again');
  await again.click();
  await expect(summary).toContainText(`${count} of ${count} cases passed`, { timeout: 60_000 });
  await expect(list.locator('.tests-badge')).toHaveCount(count);
});
