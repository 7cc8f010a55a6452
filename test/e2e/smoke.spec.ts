import { expect, test } from './fixtures';

test('the app loads with its name, toolbar, canvas and the first example', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Handoff Studio');
  await expect(page.getByRole('heading', { name: 'Handoff Studio' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
  await expect(page.getByLabel('Canvas area')).toBeVisible();
  // the customer-support example is drawn: four agents and three labelled handoffs
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(page.getByText('Customer wants money back for an order.')).toBeVisible();
  await expect(page.getByLabel('Agent triage_agent').getByText('start')).toBeVisible();
  await expect(page.getByText('4 agents · 3 handoffs · valid')).toBeVisible();
});

test('every example opens with no errors', async ({ page }) => {
  await page.goto('/');
  for (const [title, agents] of [
    ['E-commerce returns', 4],
    ['Content pipeline', 3],
    ['Homework tutors', 3],
  ] as const) {
    await page.getByRole('button', { name: /^Workflow menu/ }).click();
    await page.getByRole('menuitem', { name: title }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(agents);
    await expect(page.locator('.toolbar__status')).toContainText('valid');
  }
});
