import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

test('the model-call bound is a workflow setting: default shown, a bad value is a problem, a good one is saved in the document @flow', async ({
  page,
  canvas,
  inspector,
}) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await expect(canvas.nodes).toHaveCount(4);
  await canvas.pane.click({ position: { x: 20, y: 20 } });
  const settings = inspector.root.getByRole('region', { name: 'Workflow settings' });
  await expect(settings).toBeVisible();
  const field = inspector.field('Max model calls per turn');
  await field.scrollIntoViewIfNeeded();
  await expect(field).toHaveValue('');
  await expect(field).toHaveAttribute('placeholder', '250 (default)');

  await field.click();
  await page.keyboard.type('0');
  await expect(inspector.problems).toContainText('maxModelCallsPerTurn must be 1 or more (got 0).');

  await page.keyboard.press('Backspace');
  await page.keyboard.type('40');
  await expect(field).toHaveValue('40');
  await expect(inspector.problems).not.toContainText('maxModelCallsPerTurn');

  // the document holds it: saved, and there after a reload
  await library.saved();
  await page.reload();
  await expect(canvas.nodes).toHaveCount(4);
  await canvas.pane.click({ position: { x: 20, y: 20 } });
  await expect(inspector.field('Max model calls per turn')).toHaveValue('40');
});
