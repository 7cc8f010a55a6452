/**
 * Routing tests end to end (issue 14): cases written in the Tests panel with the keyboard, the
 * suite run on the simulator, the canvas test view with its marks and the routing table, a
 * failed sample opened on the timeline, and a run saved as a test.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectUsable } from './support/usable';
import { RunPanelPage } from './pages/RunPanelPage';

interface CaseInput {
  name: string;
  turns: string[];
  route?: string;
  approvals?: Array<'approve' | 'reject'>;
  reaches?: string[];
  avoids?: string[];
}

async function openTests(page: Page) {
  const panel = page.getByRole('region', { name: 'Tests panel' });
  const toggle = panel.getByRole('button', { name: 'Tests' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expectUsable(panel, 'Tests panel');
  return panel;
}

/** Adds a case through the form, typing with the keyboard, and goes back to the list. */
async function addCase(page: Page, input: CaseInput) {
  const panel = await openTests(page);
  await panel.getByRole('button', { name: '+ Add case' }).click();
  const form = panel.getByRole('form');
  await form.getByLabel('Name', { exact: true }).fill('');
  await form.getByLabel('Name', { exact: true }).pressSequentially(input.name);
  await form.getByLabel('Turns').click();
  for (const [i, turn] of input.turns.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(turn);
  }
  if (input.route) {
    await form.getByLabel('Route').click();
    await page.keyboard.type(input.route);
  }
  for (const a of input.approvals ?? []) await form.getByLabel('Add to Approvals').selectOption(a);
  for (const a of input.reaches ?? []) await form.getByLabel('Add to Reaches').selectOption(a);
  for (const a of input.avoids ?? []) await form.getByLabel('Add to Avoids').selectOption(a);
  await panel.getByRole('button', { name: '← All cases' }).click();
  return panel;
}

test('run a suite on the simulator, see it on the canvas, open a failed sample @flow', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  await addCase(page, {
    name: 'Refunds reach the refund agent',
    turns: ['I want a refund for order 123'],
    route: 'triage_agent > refund_agent',
    approvals: ['approve'],
  });
  const panel = await addCase(page, {
    name: 'Order questions stay away from orders',
    turns: ['Where is my order 42?'],
    avoids: ['order_agent'],
  });
  const list = panel.getByRole('list', { name: 'Test cases' });
  // The example's own cases (they pass on the simulator) and the two written here.
  const count = await list.getByRole('listitem').count();
  await panel.getByRole('button', { name: '▶ Run suite' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /cases? passed/ })).toContainText(
    `${count - 1} of ${count} cases passed`,
    { timeout: 30_000 },
  );
  await expect(list.getByRole('listitem').nth(count - 2)).toContainText('✓');
  await expect(list.getByRole('listitem').nth(count - 1)).toContainText('✗');
  await expectNoSeriousA11yViolations(page, 'the Tests panel with a result');

  // The canvas test view: the expected edge green, the avoided one red, the agent marked.
  await panel.getByRole('button', { name: 'Canvas test view' }).click();
  await expect(panel.getByRole('button', { name: 'Canvas test view' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const tone = (edge: string, t: string) =>
    expect(canvas.edgeLabel(edge).locator(`[data-test-tone="${t}"]`)).toHaveCount(1);
  await tone('Customer wants money back', 'expected');
  await tone('Customer asks where an order is', 'unexpected');
  await expect(page.locator('[data-test-tone="unexpected"]')).toHaveCount(1);
  await expect(canvas.node('order_agent').getByTestId('unexpected-agent')).toContainText('×1');
  await expect(canvas.node('refund_agent').getByTestId('unexpected-agent')).toHaveCount(0);

  // The routing table of the triage agent in the inspector.
  await canvas.select('triage_agent');
  const table = page.getByRole('region', { name: 'Routing table of triage_agent' });
  await expectUsable(table, 'routing table');
  await expect(table.getByRole('row', { name: /^refund_agent refund_agent \d+$/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /not stated order_agent 1/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the canvas test view');

  // A failed sample opens on the timeline in one click.
  await table.getByRole('button', { name: 'Open failed sample' }).click();
  const run = page.getByRole('region', { name: 'Run panel' });
  await expect(run.getByRole('button', { name: 'Run', exact: true })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(run.getByText('Where is my order 42?')).toBeVisible();
  await expect(page.locator('[data-test-tone]')).toHaveCount(0);
  await expect(canvas.node('order_agent').locator('.agent-node')).toHaveAttribute(
    'data-trace',
    /visited|active/,
  );
});

test('save a run as a test: its turns, decisions and path, ready to edit', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const run = new RunPanelPage(page);
  await run.unfold();
  await run.start('I want a refund for order 123');
  const approval = run.approval('process_refund');
  await run.press(approval.getByRole('button', { name: 'Approve' }), 'Approve');
  await expect(run.replyForm()).toBeVisible({ timeout: 15_000 });
  await run.press(run.root.getByRole('button', { name: 'Save as test' }), 'Save as test');

  const panel = page.getByRole('region', { name: 'Tests panel' });
  const form = panel.getByRole('form');
  await expectUsable(form.getByLabel('Name', { exact: true }), 'the new case');
  await expect(form.getByLabel('Turns')).toHaveValue('I want a refund for order 123');
  await expect(form.getByLabel('Route')).toHaveValue('triage_agent > refund_agent');
  await expect(form.getByRole('group', { name: 'Approvals' })).toContainText('approve');
  // One undo step takes it away again.
  await form.getByLabel('Route').blur();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(form).toBeHidden();
  await expect(panel.getByRole('list', { name: 'Test cases' })).not.toContainText(
    'I want a refund for order 123',
  );
});

test('a new result is compared with the last: the case that got worse is named', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const panel = await openTests(page);
  const summary = panel.getByRole('status').filter({ hasText: /cases? passed/ });
  await panel.getByRole('button', { name: '▶ Run suite' }).click();
  await expect(summary).toContainText('4 of 4 cases passed', { timeout: 30_000 });

  // Expect the exchange to go elsewhere, then run again.
  await panel.getByRole('button', { name: /^Sending an item back/ }).click();
  const route = panel.getByRole('form').getByLabel('Route');
  await route.fill('');
  await route.pressSequentially('triage_agent > order_agent');
  await panel.getByRole('button', { name: '← All cases' }).click();
  await panel.getByRole('button', { name: '▶ Run suite' }).click();
  await expect(summary).toContainText('3 of 4 cases passed', { timeout: 30_000 });
  await expect(panel.locator('.tests-compare')).toContainText(
    '1 worse (Sending an item back goes to the return agent)',
  );
});
