/**
 * The keyboard as a person uses it: shortcuts never act while typing (Monaco included), the run
 * timeline steps with ←/→, agents and handoffs can be added from the keyboard. (Finding an agent
 * with Ctrl+K: findAgent.spec.ts.)
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { JsonViewPage } from './pages/JsonViewPage';
import { expectNoSeriousViolationsIn } from './support/axeWithin';
import { expectUsable } from './support/usable';

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

/** Runs customer support on the simulator to its end, so that a run is shown. */
async function finishedRun(page: Page) {
  const panel = page.getByRole('region', { name: 'Run panel' });
  const toggle = panel.getByRole('button', { name: 'Run', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const opening = panel.getByLabel('Opening message');
  await opening.click();
  await page.keyboard.type('Where is my order 5?');
  await panel.getByRole('button', { name: 'Start' }).click();
  const reply = panel.getByRole('form', { name: /^Reply to / });
  await expect(reply).toBeVisible();
  await reply.getByRole('button', { name: 'End', exact: true }).click();
  await expect(panel.locator('.run-header .run-state')).toHaveText('completed');
  const timeline = panel.getByRole('region', { name: 'Timeline' });
  const total = Number(await timeline.getByRole('slider', { name: 'Event' }).getAttribute('max'));
  expect(total).toBeGreaterThan(5);
  return { panel, timeline, total, count: timeline.locator('.timeline__count') };
}

test('←/→ and Home/End step the shown run wherever the focus is, except on an agent @flow', async ({
  page,
  canvas,
}) => {
  await canvas.open();
  const { panel, timeline, total, count } = await finishedRun(page);
  await expect(count).toHaveText(`${total} / ${total}`);

  // focus on the page, not on the slider
  await canvas.pane.click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('ArrowLeft');
  await expect(count).toHaveText(`${total - 1} / ${total}`);
  await expect(timeline).toContainText('as it was');
  await page.keyboard.press('Home');
  await expect(count).toHaveText(`0 / ${total}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText(`2 / ${total}`);
  // on a button of the Run panel: one step per key
  await timeline.getByRole('button', { name: 'Step back' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(count).toHaveText(`1 / ${total}`);
  await page.keyboard.press('End');
  await expect(count).toHaveText(`${total} / ${total}`);
  await expect(timeline).not.toContainText('as it was');

  // in a text field the arrows move the caret
  await panel.getByLabel('Opening message').click();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  await expect(count).toHaveText(`${total} / ${total}`);

  // an agent with focus: the arrows move the selected agent, the run stays where it is
  await canvas.select('order_agent');
  const before = await canvas.offset('order_agent', 'triage_agent');
  await page.keyboard.press('ArrowLeft');
  await expect
    .poll(async () => (await canvas.offset('order_agent', 'triage_agent')).x)
    .toBeLessThan(before.x);
  await expect(count).toHaveText(`${total} / ${total}`);

  // listed on the sheet
  await canvas.pane.click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expectUsable(sheet, 'shortcut sheet');
  await expect(sheet.getByRole('region', { name: 'Run' })).toContainText('Step the shown run');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('N adds an agent at a free spot near the centre of the view, never on top of another', async ({
  page,
  canvas,
}) => {
  await canvas.open();
  await canvas.pane.click({ position: { x: 20, y: 20 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('n');
  await expect(canvas.nodes).toHaveCount(7);
  const pane = await canvas.box(canvas.pane);
  const boxes = [];
  for (let i = 0; i < 7; i++) boxes.push(await canvas.stableBox(canvas.nodes.nth(i)));
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const p = boxes[a]!;
      const q = boxes[b]!;
      const overlap =
        p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
      expect(overlap, `nodes ${a} and ${b} overlap`).toBe(false);
    }
  }
  // the new ones are in the view (the last three nodes are the new agents)
  for (const box of boxes.slice(4)) {
    expect(box.x).toBeGreaterThanOrEqual(pane.x);
    expect(box.y).toBeGreaterThanOrEqual(pane.y);
    expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
    expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
  }
});

test('H on a selected agent: "hand off to…" filters as one types, Enter draws it, Escape cancels @flow', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.open();
  const handoff = (from: string, to: string) =>
    page.getByRole('group', { name: new RegExp(`^Handoff from ${from} to ${to}`) });
  await canvas.select('order_agent');
  await page.keyboard.press('h');
  const picker = page.getByRole('dialog', { name: 'Hand off from order_agent to…' });
  await expectUsable(picker, 'handoff picker');
  await expect(picker.getByRole('combobox', { name: 'Target agent' })).toBeFocused();
  const options = picker.getByRole('option');
  await expect(options).toHaveText([/^triage_agent/, /^refund_agent/, /^return_agent/]);
  // filters by name or description as one types
  await page.keyboard.type('RE');
  await expect(options).toHaveText([/^refund_agent/, /^return_agent/]);
  await page.keyboard.press('ArrowDown');
  await expect(picker.getByRole('option', { selected: true })).toHaveText(/^return_agent/);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(handoff('order_agent', 'return_agent')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
    'title',
    'Undo Connect (Ctrl+Z)',
  );

  // the agent stays selected with the focus: H again draws another; the new target is gone
  await expect(inspector.section('Agent order_agent')).toBeVisible();
  await page.keyboard.press('h');
  await expectUsable(picker, 'handoff picker');
  await expect(options).toHaveText([/^triage_agent/, /^refund_agent/]);
  await page.keyboard.type('REFUND REQ');
  await expect(options).toHaveText([/^refund_agent/]);
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(handoff('order_agent', 'refund_agent')).toHaveCount(0);
  await expect(canvas.nodes).toHaveCount(4);

  // beside an agent at the bottom edge of the view, it is still fully inside the viewport
  const pane = await canvas.box(canvas.pane);
  const start = { x: pane.x + 40, y: pane.y + 40 };
  // pan the view so that the agent's top is 70 px above the bottom of the canvas
  const top = (await canvas.box(canvas.node('return_agent'))).y;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y + pane.y + pane.height - 70 - top, { steps: 8 });
  await page.mouse.up();
  // once the pan has settled (a click mid-move can miss the agent)
  const agent = await canvas.stableBox(canvas.node('return_agent'));
  expect(agent.y + 240, 'the agent is near the bottom').toBeGreaterThan(pane.y + pane.height);
  // (its top-left corner: the minimap covers the rest)
  await page.mouse.click(agent.x + 20, agent.y + 12);
  await expect(inspector.section('Agent return_agent')).toBeVisible();
  await page.keyboard.press('h');
  const fromReturn = page.getByRole('dialog', { name: 'Hand off from return_agent to…' });
  await expectUsable(fromReturn, 'handoff picker');
  await page.screenshot({ path: 'test-results/handoff-picker.png' });
  await expectNoSeriousViolationsIn(page, '.agent-picker', 'the handoff picker');
  await page.keyboard.press('Escape');
  await expect(fromReturn).toBeHidden();

  // listed on the sheet
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expectUsable(sheet, 'shortcut sheet');
  await expect(sheet).toContainText('Hand off to…');
});

test('after "Add handoff" in the inspector the focus is on the new handoff, not lost', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.open();
  await canvas.select('refund_agent');
  const target = inspector.root.getByLabel('Hand off to');
  await target.focus();
  await target.selectOption('order_agent');
  await page.keyboard.press('Tab');
  const add = inspector.root.getByRole('button', { name: 'Add handoff' });
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('group', { name: /^Handoff from refund_agent to order_agent/ }),
  ).toHaveCount(1);
  const entry = inspector.section('Agent refund_agent').getByRole('button', {
    name: '→ order_agent',
  });
  await expect(entry).toBeFocused();
  // a keyboard user goes on from there: Enter opens the new handoff
  await page.keyboard.press('Enter');
  await expect(inspector.root).toContainText('refund_agent → order_agent');
});
