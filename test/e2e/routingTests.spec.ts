/**
 * Routing tests in the app (issue 14): the Tests panel shares the Run dock, lists the open
 * workflow's cases, and edits one in a form typed with the real keyboard; every edit is undoable.
 */
import { expect, test } from './fixtures';
import { expectNoSeriousViolationsIn } from './support/axeWithin';
import { expectUsable } from './support/usable';

test('write a case in the Tests panel form, with undo @flow', async ({ page, canvas }) => {
  await canvas.open('customer_support.json');
  const tests = page.getByRole('region', { name: 'Tests panel' });
  await tests.getByRole('button', { name: 'Tests' }).click();
  await expect(tests.getByRole('button', { name: 'Tests' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expectUsable(tests, 'Tests panel');
  const list = tests.getByRole('list', { name: 'Test cases' });
  // The example carries its own cases.
  const before = await list.getByRole('listitem').count();
  expect(before).toBeGreaterThan(0);
  await tests.getByRole('button', { name: '+ Add case' }).click();
  const form = tests.getByRole('form');
  await expect(form).toBeVisible();
  const name = form.getByLabel('Name', { exact: true });
  await name.fill('');
  await name.pressSequentially('Refund goes to refunds');
  await form.getByLabel('Turns').click();
  await page.keyboard.type('I want a refund for order 123');
  await page.keyboard.press('Enter');
  await page.keyboard.type('thanks, goodbye');
  await form.getByLabel('Route').click();
  await page.keyboard.type('triage_agent > refund_agent');
  await form.getByLabel('Add to Reaches').selectOption('refund_agent');
  await form.getByLabel('Add to Avoids').selectOption('order_agent');
  await form.getByLabel('Add to Approvals').selectOption('approve');
  await expectNoSeriousViolationsIn(page, '.tests-panel', 'Tests panel');

  await tests.getByRole('button', { name: '← All cases' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(before + 1);
  await expect(list.getByRole('listitem').last()).toContainText('Refund goes to refunds');

  // Delete, then undo with the keyboard (not while typing in a field).
  await list.getByRole('button', { name: 'Delete Refund goes to refunds' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(before);
  await expect(list).not.toContainText('Refund goes to refunds');
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveCount(before + 1);

  // The Run panel takes the dock back and folds the Tests panel.
  await page.getByRole('button', { name: 'Run this workflow' }).click();
  await expect(tests.getByRole('button', { name: 'Tests' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
});
