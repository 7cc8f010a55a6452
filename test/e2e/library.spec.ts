import { expect, test } from './fixtures';
import { CanvasPage } from './pages/CanvasPage';
import { LibraryPage } from './pages/LibraryPage';

test('a first visit opens the customer-support example, saved in the library', async ({
  page,
  canvas,
}) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await expect(canvas.nodes).toHaveCount(4);
  await expect(library.openName()).toHaveText('customer_support');
  await library.saved();
  await library.open();
  expect(await library.names()).toEqual(['customer_support']);
  await expect(library.item('customer_support')).toContainText('open');
  await expect(library.item('customer_support')).toContainText('changed just now');
});

test('a reload brings back every workflow and the one that was open', async ({ page, canvas }) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await expect(canvas.nodes).toHaveCount(4);
  await canvas.rename('refund_agent', 'refunds');
  await library.saved();

  // a second workflow, from the examples
  await library.menu('Content pipeline');
  await expect(canvas.nodes).toHaveCount(3);
  await expect(library.openName()).toHaveText('content_pipeline');
  await canvas.dragNode(await canvas.names().then((n) => n[0]!), 60, 40);
  await library.saved();

  await page.reload();
  await expect(library.openName()).toHaveText('content_pipeline');
  await expect(canvas.nodes).toHaveCount(3);
  await library.open();
  expect(await library.names()).toEqual(['content_pipeline', 'customer_support']);

  await library
    .item('customer_support')
    .getByRole('button', { name: 'customer_support', exact: true })
    .click();
  await expect(library.dialog).toBeHidden();
  await expect(canvas.node('refunds')).toBeVisible();
  await expect(canvas.node('refund_agent')).toHaveCount(0);
  await page.reload();
  await expect(library.openName()).toHaveText('customer_support');
  await expect(canvas.node('refunds')).toBeVisible();
});

test('every example opens from the gallery as a new workflow', async ({ page, canvas }) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  for (const [title, name, agents] of [
    ['E-commerce returns', 'ecommerce_returns', 4],
    ['Content pipeline', 'content_pipeline', 3],
    ['Homework tutors', 'homework_tutors', 3],
    ['Customer support', 'customer_support', 4],
  ] as const) {
    await library.open();
    await library.dialog.getByRole('button', { name: `New from example: ${title}` }).click();
    await expect(library.dialog).toBeHidden();
    await expect(canvas.nodes).toHaveCount(agents);
    await expect(library.openName()).toHaveText(name);
    await expect(page.locator('.toolbar__status')).toContainText('valid');
  }
  await library.open();
  expect(await library.names()).toHaveLength(5);
});

test('rename, duplicate, delete and undo the deletion', async ({ page, canvas }) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await library.open();

  // rename the open workflow: its document's name changes too
  await library.item('customer_support').getByRole('button', { name: 'Rename' }).click();
  const input = library.dialog.getByLabel('New name for customer_support');
  await input.fill('Support desk');
  await input.press('Enter');
  await expect(library.item('Support desk')).toBeVisible();
  await expect(library.openName()).toHaveText('Support desk');

  await library.item('Support desk').getByRole('button', { name: 'Duplicate' }).click();
  await expect(library.item('Support desk (copy)')).toBeVisible();

  // delete the copy, then undo
  await library.item('Support desk (copy)').getByRole('button', { name: 'Delete' }).click();
  await expect(library.item('Support desk (copy)')).toHaveCount(0);
  await expect(library.toast).toContainText('Deleted “Support desk (copy)”');
  await library.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(library.item('Support desk (copy)')).toBeVisible();

  // delete the open one: the other opens; undo brings it back and opens it again
  await library.item('Support desk').getByRole('button', { name: 'Delete' }).click();
  await expect(library.openName()).toHaveText('Support desk (copy)');
  await library.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(library.openName()).toHaveText('Support desk');
  await library.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(canvas.nodes).toHaveCount(4);

  await page.reload();
  await expect(library.openName()).toHaveText('Support desk');
  await library.open();
  expect((await library.names()).sort()).toEqual(['Support desk', 'Support desk (copy)']);
});

test('a new blank workflow keeps its first agent across a reload', async ({ page, canvas }) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await library.menu('New blank workflow');
  await expect(library.openName()).toHaveText('Untitled workflow');
  await expect(canvas.nodes).toHaveCount(0);
  await canvas.dragFromPalette('Triage', 200, 200);
  await expect(canvas.nodes).toHaveCount(1);
  await library.saved();
  await page.reload();
  await expect(library.openName()).toHaveText('Untitled workflow');
  await expect(canvas.nodes).toHaveCount(1);
  // a reopened workflow starts a fresh history
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('a storage failure is shown, nothing is lost, and the next change saves', async ({
  page,
  canvas,
}) => {
  // Make IndexedDB writes fail like a full disk while window.__failWrites is set.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if ((window as unknown as { __failWrites?: boolean }).__failWrites) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await page.evaluate(() => ((window as unknown as { __failWrites: boolean }).__failWrites = true));
  await canvas.rename('refund_agent', 'refunds');

  await expect(library.banner).toContainText('“customer_support” is not saved.');
  await expect(library.banner).toContainText('Browser storage is full');
  await expect(library.saveState).toHaveText('Not saved');
  // the edit is still there, and can be rescued
  await expect(canvas.node('refunds')).toBeVisible();
  const download = page.waitForEvent('download');
  await library.banner.getByRole('button', { name: 'Download JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('customer_support.json');
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toContain('"name": "refunds"');

  // space again: the next change saves everything
  await page.evaluate(
    () => ((window as unknown as { __failWrites: boolean }).__failWrites = false),
  );
  await canvas.rename('triage_agent', 'triage');
  await expect(library.banner).toBeHidden();
  await library.saved();
  await page.reload();
  await expect(canvas.node('refunds')).toBeVisible();
  await expect(canvas.node('triage')).toBeVisible();
});

test('two tabs on one workflow: the other tab is told, saves nothing over it, and the person chooses', async ({
  page,
  canvas,
  context,
}) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await expect(canvas.nodes).toHaveCount(4);
  await library.saved();

  const other = await context.newPage();
  const otherCanvas = new CanvasPage(other);
  await other.goto('/');
  await expect(otherCanvas.nodes).toHaveCount(4);

  // This tab renames an agent and saves: the other tab is told.
  await canvas.rename('refund_agent', 'refunds');
  await library.saved();
  const banner = other.getByRole('alert').filter({ hasText: 'was changed in another tab' });
  await expect(banner).toBeVisible();

  // The banner took room from the canvas (its bottom corner, with the minimap, moved up): fit
  // the view again, as a person would, so every agent is clear of the minimap.
  await otherCanvas.pane.click({ position: { x: 20, y: 20 } });
  await other.keyboard.press('f');
  await otherCanvas.stableBox(otherCanvas.node('order_agent'));
  // The other tab's edit is held, not written over this tab's version.
  await otherCanvas.rename('order_agent', 'orders');
  await other.waitForTimeout(800);
  await page.reload();
  await expect(canvas.node('refunds')).toBeVisible();
  await expect(canvas.node('orders')).toHaveCount(0);

  // "Load that version": the other tab shows this tab's version; its held edit is dropped.
  await banner.getByRole('button', { name: 'Load that version' }).click();
  await expect(banner).toBeHidden();
  await expect(otherCanvas.node('refunds')).toBeVisible();
  await expect(otherCanvas.node('order_agent')).toBeVisible();

  // Next time it keeps its own: "Keep mine" saves over, and this tab is told in turn.
  await canvas.rename('triage_agent', 'triage');
  await library.saved();
  await expect(banner).toBeVisible();
  await otherCanvas.pane.click({ position: { x: 20, y: 20 } });
  await other.keyboard.press('f');
  // The fit animates: rename once the agent has stopped moving.
  await otherCanvas.stableBox(otherCanvas.node('return_agent'));
  await otherCanvas.rename('return_agent', 'returns');
  await banner.getByRole('button', { name: 'Keep mine' }).click();
  await expect(banner).toBeHidden();
  await expect(
    page.getByRole('alert').filter({ hasText: 'was changed in another tab' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Load that version' }).click();
  await expect(canvas.node('returns')).toBeVisible();
  await expect(canvas.node('triage_agent')).toBeVisible();
  await other.close();
});
