/**
 * The keyboard as a person uses it: shortcuts never act while typing (Monaco included), the run
 * timeline steps with ←/→, agents and handoffs can be added from the keyboard, and Ctrl+K finds
 * an agent.
 */
import { expect, test } from './fixtures';
import { JsonViewPage } from './pages/JsonViewPage';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('typing in the JSON view types text: no shortcut, paste or undo reaches the canvas @flow', async ({
  page,
  canvas,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await canvas.open();
  const undoButton = page.getByRole('button', { name: 'Undo' });
  // agents on the clipboard, copied as a person does; order_agent stays selected
  await canvas.select('order_agent');
  await page.keyboard.press('Control+c');
  await expect(page.getByText('Copied 1 agent(s).')).toBeVisible();
  const json = new JsonViewPage(page);
  await json.show('Split');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(undoButton).toBeDisabled();

  await json.selectWord('"Routes', 'Routes');
  await page.keyboard.type('x y z!');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('n');
  await page.keyboard.press('t');
  await expect(json.line(/x\sy\sznt/)).toBeVisible();
  await expect(canvas.node('triage_agent')).toContainText('x y znt customer issues');
  // no agent added or deleted, the theme as it was, and the typing is the only undo step
  await expect(canvas.nodes).toHaveCount(4);
  await expect(canvas.node('order_agent')).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(undoButton).toHaveAttribute('title', 'Undo Edit JSON (Ctrl+Z)');

  // Ctrl+V pastes the agents' text into the editor (here inside a string: invalid JSON)
  await page.keyboard.press('Control+v');
  await expect(json.problems).toBeVisible();
  await expect(canvas.nodes).toHaveCount(4);
  await expect(canvas.node('order_agent_2')).toHaveCount(0);
  await expect(undoButton).toHaveAttribute('title', 'Undo Edit JSON (Ctrl+Z)');

  // Ctrl+Z in the editor is the editor's own undo: the paste goes, the typing stays
  await page.keyboard.press('Control+z');
  await expect(json.problems).toHaveCount(0);
  await expect(json.line(/x\sy\sznt/)).toBeVisible();
  await expect(canvas.node('triage_agent')).toContainText('x y znt customer issues');
  await expect(canvas.nodes).toHaveCount(4);
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('typing in an inspector field types text: no shortcut acts', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.open();
  await canvas.select('order_agent');
  const model = inspector.field('Model');
  await model.click();
  await page.keyboard.type('n t l f');
  await expect(model).toHaveValue('n t l f');
  await expect(canvas.nodes).toHaveCount(4);
  await expect(canvas.node('order_agent')).toBeVisible();
  // Backspace edits the field, it does not delete the selected agent
  await page.keyboard.press('Backspace');
  await expect(model).toHaveValue('n t l ');
  await expect(canvas.node('order_agent')).toBeVisible();
});
