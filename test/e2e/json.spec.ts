import { expect, test } from './fixtures';
import { JsonViewPage } from './pages/JsonViewPage';

test('typing in the JSON changes the canvas, as one undo step', async ({ page, canvas }) => {
  await canvas.open();
  const json = new JsonViewPage(page);
  await json.show('Split');
  const triage = canvas.node('triage_agent');
  await expect(triage).toContainText('Routes customer issues to the right specialist.');

  // (long strings wrap: a line's first words are found on its first row)
  await json.selectWord('"Routes', 'Routes');
  await page.keyboard.type('Sends');
  await expect(triage).toContainText('Sends customer issues to the right specialist.');
  await expect(json.status).toContainText('same document as the canvas');

  // the burst of typing is one step in the designer's history
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(triage).toContainText('Routes customer issues to the right specialist.');
  await expect(json.line('"Routes')).toBeVisible();
});

test('a rename on the canvas appears in the JSON, leaving the selection alone', async ({
  page,
  canvas,
}) => {
  await canvas.open();
  const json = new JsonViewPage(page);
  await json.show('Split');
  // the editor's selection is on the workflow's description
  await json.selectWord('"description": "Frontline', 'Frontline');
  const line = await canvas.box(json.line('"description": "Frontline'));
  await canvas.rename('refund_agent', 'money_back_agent');
  await expect(json.line('"name": "money_back_agent"')).toBeVisible();
  await expect(json.line('"refund_agent"')).toHaveCount(0);
  await expect(json.status).toContainText('same document as the canvas');
  // the change was made further down: the selection is still on the same line
  const selected = await canvas.box(json.pane.locator('.selected-text').first());
  expect(Math.abs(selected.y - line.y)).toBeLessThan(4);
});

test('invalid JSON shows diagnostics with paths and the canvas keeps its document', async ({
  page,
  canvas,
}) => {
  await canvas.open();
  const json = new JsonViewPage(page);
  await json.show('Full width');
  await json.selectWord('"version": 1', '1');
  await page.keyboard.type('7');
  await expect(json.problems).toContainText('1 problem in the JSON');
  await expect(json.problems.getByRole('button', { name: /^version / })).toContainText(
    'format version 7, newer than this Handoff Studio understands',
  );
  await expect(json.problems).toContainText('The canvas keeps the last valid document');
  // Monaco marks it from the JSON Schema
  await expect(json.editor.locator('.squiggly-error').first()).toBeVisible();

  // a syntax error too: the canvas still has its four agents
  await json.selectWord('"version": 7', '7');
  await page.keyboard.type('x');
  await expect(json.problems).toContainText('not valid JSON');
  await json.pane.getByRole('button', { name: 'Split' }).click();
  await expect(canvas.nodes).toHaveCount(4);
  await expect(page.locator('.toolbar__status')).toContainText('4 agents · 3 handoffs · valid');

  // revert throws the broken text away
  await json.problems.getByRole('button', { name: 'Revert to the canvas' }).click();
  await expect(json.problems).toHaveCount(0);
  await expect(json.line('"version": 1')).toBeVisible();
  await expect(json.status).toContainText('same document as the canvas');
});

test('hovering a field shows its description from the schema', async ({ page, canvas }) => {
  await canvas.open();
  const json = new JsonViewPage(page);
  await json.show('Full width');
  const key = json.line('"startAgent"').locator('span > span').filter({ hasText: 'startAgent' });
  await key.first().hover();
  await expect(page.locator('.monaco-hover').first()).toContainText(
    'The agent that receives the first user message.',
    { timeout: 10_000 },
  );
});
