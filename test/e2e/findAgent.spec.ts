/** Find an agent (Ctrl/⌘ K or `/`) with the real keyboard. */
import { expect, test } from './fixtures';
import { expectNoSeriousViolationsIn } from './support/axeWithin';
import { expectUsable } from './support/usable';

test('Ctrl+K finds an agent by name or description and jumps to it; / opens it too @flow', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.open();
  await canvas.pane.click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+k');
  const find = page.getByRole('dialog', { name: 'Find an agent' });
  await expectUsable(find, 'find box');
  const box = find.getByRole('combobox', { name: 'Agent name or description' });
  await expect(box).toBeFocused();
  const options = find.getByRole('listbox', { name: 'Agents' }).getByRole('option');
  await expect(options).toHaveCount(4);
  // by description, case-insensitive
  await page.keyboard.type('SHIPPING');
  await expect(options).toHaveText([/^order_agent/]);
  await page.screenshot({ path: 'test-results/find-box.png' });
  await box.press('Control+a');
  await page.keyboard.type('re');
  await expect(options).toHaveText([/^refund_agent/, /^return_agent/]);
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute(
    'aria-activedescendant',
    (await options.nth(1).getAttribute('id'))!,
  );
  await page.keyboard.press('Enter');
  await expect(find).toBeHidden();

  // selected, in the inspector, focused, and in the centre of the view
  await expect(inspector.section('Agent return_agent')).toBeVisible();
  await expect(canvas.node('return_agent')).toBeFocused();
  const pane = await canvas.box(canvas.pane);
  await expect
    .poll(async () => {
      const node = await canvas.box(canvas.node('return_agent'));
      return Math.round(
        Math.hypot(
          node.x + node.width / 2 - (pane.x + pane.width / 2),
          node.y + node.height / 2 - (pane.y + pane.height / 2),
        ),
      );
    })
    .toBeLessThan(4);

  // `/` opens it too; no match says so; Escape closes and leaves the selection
  await page.keyboard.press('/');
  await expectUsable(find, 'find box');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoSeriousViolationsIn(page, '.agent-picker', `the find box (${theme})`);
  }
  await page.keyboard.type('zzz');
  await expect(find.getByRole('status')).toHaveText(
    'No agent has that in its name or description.',
  );
  await page.keyboard.press('Escape');
  await expect(find).toBeHidden();
  await expect(inspector.section('Agent return_agent')).toBeVisible();

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expectUsable(sheet, 'shortcut sheet');
  await expect(sheet).toContainText('Find an agent');
});
