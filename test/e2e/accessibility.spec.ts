import { expect, test } from './fixtures';

test('nodes and edges are announced with their names', async ({ page, canvas }) => {
  await canvas.open('customer_support.json');
  await expect(
    page.getByRole('group', { name: /^Agent triage_agent \(start agent\)/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('group', { name: /^Handoff from triage_agent to refund_agent/ }),
  ).toHaveCount(1);
});

test('the shortcut sheet opens with ? and closes with Escape', async ({ page, canvas }) => {
  await canvas.open('customer_support.json');
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Duplicate the selected agents');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('from the keyboard alone: add an agent, connect it, rename it', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.open('customer_support.json');
  await page.getByRole('button', { name: 'Add Terminal reviewer' }).focus();
  await page.keyboard.press('Enter');
  await expect(canvas.node('reviewer_agent')).toBeVisible();
  // the new agent is selected: its inspector is open
  await expect(inspector.section('Agent reviewer_agent')).toBeVisible();
  await page.getByRole('button', { name: 'Add Triage' }).focus();
  await canvas.select('refund_agent');
  await inspector.root.getByLabel('Hand off to').selectOption('reviewer_agent');
  await inspector.root.getByRole('button', { name: 'Add handoff' }).focus();
  await page.keyboard.press('Enter');
  await expect(canvas.edges).toHaveCount(4);
  await canvas.select('reviewer_agent');
  await page.keyboard.press('F2');
  await page.keyboard.type('final_review');
  await page.keyboard.press('Enter');
  await expect(canvas.node('final_review')).toBeVisible();
});

test('the theme follows the system and the toggle switches it', async ({ page, canvas }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await canvas.open('customer_support.json');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: /^Theme: System/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /^Theme: Light/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
