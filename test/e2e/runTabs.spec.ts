/**
 * One writer per run across tabs (issue 13, item 5): two pages of one browser context share
 * IndexedDB and `navigator.locks`. While one tab is writing a run, the other tab's Resume of it
 * is refused with a clear message in its Run panel; once the first tab stops, the second
 * resumes it, and now the first is refused.
 */
import { RunPanelPage } from './pages/RunPanelPage';
import { expect, test } from './fixtures';

test('a run written in one tab cannot be resumed in another until that tab lets go', async ({
  page,
  canvas,
  context,
}) => {
  await page.goto('/');
  await expect(canvas.nodes).toHaveCount(4);
  const first = new RunPanelPage(page);
  await first.unfold();
  await first.start('I want a refund for order 123');
  await expect(first.approval('process_refund')).toBeVisible();

  const other = await context.newPage();
  await other.goto('/');
  const second = new RunPanelPage(other);
  await second.unfold();
  const entry = second.past.getByRole('listitem').first();
  await second.press(entry.getByRole('button', { name: 'Resume' }), 'Resume in the other tab');
  const refused = second.root.getByRole('alert').filter({ hasText: 'another tab' });
  await expect(refused).toContainText('is being written in another tab or window');
  await expect(second.approval('process_refund')).toHaveCount(0);

  // The first tab stops its run: the other tab may now continue it.
  await first.press(first.root.getByRole('button', { name: 'Stop' }), 'Stop');
  await expect(first.state()).toHaveText('stopped');
  await second.press(refused.getByRole('button', { name: 'Dismiss' }), 'Dismiss');
  await second.press(entry.getByRole('button', { name: 'Resume' }), 'Resume in the other tab');
  await expect(second.approval('process_refund')).toBeVisible();

  // Now the first tab is the one refused.
  await first.press(
    first.root.locator('.run-header').getByRole('button', { name: 'Resume' }),
    'Resume in the first tab',
  );
  await expect(first.root.getByRole('alert').filter({ hasText: 'another tab' })).toBeVisible();
  await expect(first.approval('process_refund')).toHaveCount(0);

  await second.approval('process_refund').getByRole('button', { name: 'Approve' }).click();
  await expect(second.message('refund_agent').last()).toContainText('Refund processed');
  await other.close();
});
