import { expect, test } from './fixtures';

test('undo and redo a drag as one step', async ({ page, canvas }) => {
  await canvas.open('customer_support.json');
  const offset = () => canvas.offset('order_agent', 'triage_agent');
  const before = await offset();
  await canvas.dragNode('order_agent', -120, 160);
  const after = await offset();
  expect(after.y - before.y).toBeGreaterThan(100);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
    'title',
    'Undo Move agent (Ctrl+Z)',
  );

  await canvas.shortcut('Control+z');
  await expect.poll(offset).toEqual(before);
  // the whole drag was one step
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await canvas.shortcut('Control+Shift+z');
  await expect.poll(offset).toEqual(after);
});

test('undo and redo a rename; the handoffs follow the name', async ({ page, canvas }) => {
  await canvas.open('customer_support.json');
  await canvas.rename('refund_agent', 'refunds');
  await expect(canvas.node('refunds')).toBeVisible();
  await expect(page.getByText('4 agents · 3 handoffs · valid')).toBeVisible();

  await canvas.shortcut('Control+z');
  await expect(canvas.node('refund_agent')).toBeVisible();
  await expect(canvas.node('refunds')).toHaveCount(0);
  // selecting something between undo and redo keeps the redo step
  await canvas.select('order_agent');
  await canvas.shortcut('Control+y');
  await expect(canvas.node('refunds')).toBeVisible();
});

test('a refused rename says why and changes nothing', async ({ page, canvas }) => {
  await canvas.open('customer_support.json');
  await canvas.node('refund_agent').locator('.agent-node__name').dblclick();
  const input = page.getByLabel('New name for refund_agent');
  await input.fill('order_agent');
  await input.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('An agent named "order_agent" already exists.');
  await input.press('Escape');
  await expect(canvas.node('refund_agent')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('undo and redo a delete (the agent comes back with its handoff)', async ({ page, canvas }) => {
  await canvas.open('customer_support.json');
  await canvas.select('return_agent');
  await canvas.shortcut('Delete');
  await expect(canvas.nodes).toHaveCount(3);
  await expect(canvas.edges).toHaveCount(2);

  await canvas.shortcut('Control+z');
  await expect(canvas.nodes).toHaveCount(4);
  await expect(canvas.edges).toHaveCount(3);
  await canvas.shortcut('Control+Shift+z');
  await expect(canvas.nodes).toHaveCount(3);
  await expect(page.getByText('3 agents · 2 handoffs · valid')).toBeVisible();
});

test('a burst of typing in the inspector is one undo step', async ({ canvas, inspector }) => {
  await canvas.open('customer_support.json');
  await canvas.select('order_agent');
  const description = inspector.field('Description');
  await description.click();
  await description.press('End');
  await description.pressSequentially(' Fast.', { delay: 30 });
  await expect(canvas.node('order_agent')).toContainText('shipping and delivery. Fast.');
  await description.blur();
  await canvas.shortcut('Control+z');
  await expect(canvas.node('order_agent')).toContainText('shipping and delivery.');
  await expect(canvas.node('order_agent')).not.toContainText('Fast');
});
