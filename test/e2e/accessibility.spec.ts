import { expect, test } from './fixtures';
import { JsonViewPage } from './pages/JsonViewPage';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectUsable } from './support/usable';

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

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations in the main states, ${theme} theme`, async ({
    page,
    canvas,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    await canvas.open('customer_support.json');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoSeriousA11yViolations(page, `the designer (${theme})`);

    await canvas.select('refund_agent');
    await expect(
      page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', {
        name: 'Agent refund_agent',
      }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page, `an agent in the inspector (${theme})`);

    await page.getByRole('button', { name: 'Workflow menu', exact: false }).click();
    const menu = page.getByRole('menu', { name: 'Workflow' });
    await expectUsable(menu, 'workflow menu');
    await expectNoSeriousA11yViolations(page, `the workflow menu (${theme})`);
    await menu.getByRole('menuitem', { name: /^Export/ }).click();
    const exportDialog = page.getByRole('dialog', { name: /Export/ });
    await expectUsable(exportDialog, 'export dialog');
    await expectNoSeriousA11yViolations(page, `the export dialog (${theme})`);
    await page.keyboard.press('Escape');
    await expect(exportDialog).toBeHidden();

    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expectUsable(sheet, 'shortcut sheet');
    await expectNoSeriousA11yViolations(page, `the shortcut sheet (${theme})`);
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    const json = new JsonViewPage(page);
    await json.show();
    await expectNoSeriousA11yViolations(page, `the JSON view (${theme})`);
    await page.getByRole('button', { name: 'Close the JSON view' }).click();
    await expect(json.pane).toBeHidden();

    await page.getByRole('button', { name: 'Run this workflow' }).click();
    const panel = page.getByRole('region', { name: 'Run panel' });
    const message = panel.getByLabel('Opening message');
    await expect(message).toBeFocused();
    await expectNoSeriousA11yViolations(page, `the Run panel before a run (${theme})`);
    await page.keyboard.type('Hello, I have a question about my account');
    await panel.getByRole('button', { name: 'Start' }).click();
    const reply = panel.getByRole('form', { name: /^Reply to / });
    await expect(reply).toBeVisible();
    await reply.getByRole('button', { name: 'End', exact: true }).click();
    await expect(panel.locator('.run-header .run-state')).toHaveText('completed');
    await expectNoSeriousA11yViolations(page, `a finished run (${theme})`);
  });
}
