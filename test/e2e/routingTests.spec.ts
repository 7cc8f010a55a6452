/**
 * Routing tests in the app (issue 14): the Tests panel shares the Run dock, lists the open
 * workflow's cases, and edits one in a form typed with the real keyboard; every edit is undoable.
 */
import { expect, test } from './fixtures';
import { expectNoSeriousViolationsIn } from './support/axeWithin';
import { expectUsable } from './support/usable';
import { JsonViewPage } from './pages/JsonViewPage';

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

test('cases typed in the JSON view reach the Tests panel, their problems under the field', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const json = new JsonViewPage(page);
  // Full width: no line of the cases wraps.
  await json.show('Full width');
  // The cases are part of the document the JSON view edits, at its end: go there with the
  // keyboard and rename one.
  await json.line('"format"').click();
  await page.keyboard.press('Control+End');
  await json.selectWord('"name": "Sending an item back', 'Sending');
  await page.keyboard.type('Mailing');
  await expect(json.status).toContainText('same document as the canvas');
  // …and point its route at an agent that does not exist.
  await json.selectWord('"route": "triage_agent > return_agent"', 'return_agent');
  await page.keyboard.type('nobody');
  await expect(json.line('"route": "triage_agent > nobody"')).toBeVisible();
  await json.show('Split');

  const tests = page.getByRole('region', { name: 'Tests panel' });
  await tests.getByRole('button', { name: 'Tests' }).click();
  const list = tests.getByRole('list', { name: 'Test cases' });
  await list.getByRole('button', { name: /^Mailing an item back/ }).click();
  const form = tests.getByRole('form');
  await expect(form.getByLabel('Route')).toHaveValue('triage_agent > nobody');
  const issue = form.getByTestId('case-issue');
  await expectUsable(issue, 'the route problem');
  await expect(issue).toContainText('"nobody"');
  // Fixed in the form, the problem goes, and the JSON view shows the fix.
  await form.getByLabel('Route').fill('');
  await form.getByLabel('Route').pressSequentially('triage_agent > return_agent');
  await expect(issue).toHaveCount(0);
  await expect(json.status).toContainText('same document as the canvas');
  await expect(json.line('nobody')).toHaveCount(0);
});
