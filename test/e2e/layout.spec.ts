import { expect, test } from './fixtures';

test('auto-layout top to bottom, then left to right, each one undo step', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const triage = await canvas.position('triage_agent');
  const refund = await canvas.position('refund_agent');
  // left to right today: the triage agent is left of its specialists
  expect(triage.x).toBeLessThan(refund.x);

  await page.getByRole('button', { name: 'Layout top to bottom' }).click();
  await expect(page.getByText('Laid out.')).toBeVisible();
  await expect
    .poll(async () => {
      const t = await canvas.position('triage_agent');
      const r = await canvas.position('refund_agent');
      return r.y - t.y;
    })
    .toBeGreaterThan(100);

  await canvas.shortcut('Control+z');
  await expect(page.getByText('Undid: Auto-layout top to bottom')).toBeVisible();
  await canvas.shortcut('l');
  await expect(page.getByText('Laid out.')).toBeVisible();
  await expect
    .poll(async () => {
      const t = await canvas.position('triage_agent');
      const r = await canvas.position('refund_agent');
      return r.x - t.x;
    })
    .toBeGreaterThan(100);
});
