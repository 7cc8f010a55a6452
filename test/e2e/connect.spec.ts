import { expect, test } from './fixtures';

test('a handoff dragged from an agent to itself is refused, and the status line says why', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const edges = await canvas.edges.count();
  await canvas.connect('triage_agent', 'triage_agent');
  await expect(
    page.getByRole('status').filter({ hasText: 'cannot hand off to itself' }),
  ).toHaveText(/"triage_agent" cannot hand off to itself/);
  await expect(canvas.edges).toHaveCount(edges);
});

test('a handoff drawn again is refused with a message', async ({ page, canvas }) => {
  await canvas.open('customer_support.json');
  const edges = await canvas.edges.count();
  await canvas.connect('triage_agent', 'refund_agent');
  await expect(page.getByRole('status').filter({ hasText: 'already' })).toHaveText(
    /"triage_agent" already hands off to "refund_agent"/,
  );
  await expect(canvas.edges).toHaveCount(edges);
});
