/**
 * The workspace as a person sees it: menus inside the window and on top, room for the
 * inspector while a run is open, a toolbar that fits, a minimap that covers no node.
 */
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { expectAllUsable, expectUsable } from './support/usable';

test('the workflow menu shows every item, on top, and its last items can be clicked @flow', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const library = new LibraryPage(page);
  await library.menuButton.click();
  const menu = page.getByRole('menu', { name: 'Workflow' });
  await expectUsable(menu, 'workflow menu');
  await expectAllUsable(menu.getByRole('menuitem'), 'menu item');
  await menu.getByRole('menuitem', { name: /^Export/ }).click();
  const dialog = page.getByRole('dialog', { name: /Export/ });
  await expectUsable(dialog, 'export dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // the keyboard walks the menu too, and Escape gives the focus back to the button
  await library.menuButton.click();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Download JSON' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(library.menuButton).toBeFocused();
});

test('the workflow menu stays in a short window and scrolls', async ({ page, canvas }) => {
  await page.setViewportSize({ width: 1024, height: 400 });
  await canvas.open('customer_support.json');
  await new LibraryPage(page).menuButton.click();
  const menu = page.getByRole('menu', { name: 'Workflow' });
  await expectUsable(menu, 'workflow menu');
  const last = menu.getByRole('menuitem', { name: 'Download JSON' });
  await last.scrollIntoViewIfNeeded();
  await expectUsable(last, 'Download JSON');
});
