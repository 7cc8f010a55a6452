import { expect, test } from './fixtures';
import { CanvasPage } from './pages/CanvasPage';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('copy and paste agents; pasted names are made unique', async ({ page, canvas }) => {
  await canvas.open('customer_support.json');
  await canvas.select('triage_agent');
  await canvas.select('refund_agent', { shift: true });
  await canvas.shortcut('Control+c');
  await expect(page.getByText('Copied 2 agent(s).')).toBeVisible();
  await canvas.shortcut('Control+v');
  await expect(canvas.node('triage_agent_2')).toBeVisible();
  await expect(canvas.node('refund_agent_2')).toBeVisible();
  // the edge between the copied agents came along
  await expect(canvas.edges).toHaveCount(4);
  await expect(page.getByText('6 agents · 4 handoffs')).toBeVisible();
  await canvas.shortcut('Control+z');
  await expect(canvas.nodes).toHaveCount(4);
});

test('cut, duplicate, and paste into another tab', async ({ canvas, context }) => {
  await canvas.open('customer_support.json');
  await canvas.select('order_agent');
  await canvas.shortcut('Control+d');
  await expect(canvas.node('order_agent_2')).toBeVisible();
  await canvas.shortcut('Control+x');
  await expect(canvas.node('order_agent_2')).toHaveCount(0);

  const other = new CanvasPage(await context.newPage());
  await other.open('content_pipeline.json');
  await other.pane.click({ position: { x: 30, y: 30 } });
  await other.shortcut('Control+v');
  await expect(other.node('order_agent_2')).toBeVisible();
  // its tool came along with it
  await expect(other.node('order_agent_2')).toContainText('check_order_status');
});

test('a paste lands at the pointer; pasting again without moving steps aside', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  await canvas.select('order_agent');
  await canvas.shortcut('Control+c');
  await expect(page.getByText('Copied 1 agent(s).')).toBeVisible();
  const pane = await canvas.box(canvas.pane);
  const at = { x: pane.x + 60, y: pane.y + pane.height - 160 };
  await page.mouse.move(at.x, at.y);
  await canvas.shortcut('Control+v');
  const pasted = await canvas.stableBox(canvas.node('order_agent_2'));
  // Its top-left corner is where the pointer was (snapped to the 20 px grid, at this zoom).
  expect(Math.abs(pasted.x - at.x)).toBeLessThan(25);
  expect(Math.abs(pasted.y - at.y)).toBeLessThan(25);
  await canvas.shortcut('Control+v');
  const again = await canvas.stableBox(canvas.node('order_agent_3'));
  expect(again.x - pasted.x).toBeGreaterThan(10);
  expect(again.y - pasted.y).toBeGreaterThan(10);
});
