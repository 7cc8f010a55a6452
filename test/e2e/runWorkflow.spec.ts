/**
 * The Run panel tells the truth about the open workflow (issue 11, defects 4, 8 and 10): runs
 * belong to a workflow by its library id, a run of another workflow goes on in the background
 * without its controls, statuses say what a run is doing, the sample message starts a run in
 * one click, and an interrupted run is shown after a reload with its Resume.
 */
import { expect, test } from './fixtures';
import { CanvasPage } from './pages/CanvasPage';
import { LibraryPage } from './pages/LibraryPage';
import { RunPanelPage } from './pages/RunPanelPage';
import { expectUsable } from './support/usable';

/**
 * Opens the library dialog (the menu's first item; the menu is asserted item by item until the
 * toolbar stops clipping it, issue 11 defect 2).
 */
async function openLibrary(library: LibraryPage): Promise<void> {
  await library.menuButton.click();
  const item = library.page
    .getByRole('menu', { name: 'Workflow' })
    .getByRole('menuitem', { name: 'Open a workflow…' });
  await expectUsable(item, 'menu item Open a workflow…');
  await item.click();
  await expectUsable(library.dialog, 'library dialog');
}

test('@flow a run of another workflow never shows its reply box or approvals, and goes on in the background', async ({
  page,
  canvas,
}) => {
  const library = new LibraryPage(page);
  const run = new RunPanelPage(page);
  await page.goto('/');
  await expect(canvas.nodes).toHaveCount(4);
  await library.saved();
  await run.unfold();
  await run.start('I want a refund for order 5');
  await expect(run.approval('process_refund')).toContainText('"order_number": "5"');
  await expect(page.locator('[data-trace="active"]')).toHaveCount(1);

  // Another workflow with the same name and document: a copy, renamed back, with its own id.
  await openLibrary(library);
  await run.press(
    library.dialog.getByRole('button', { name: 'Duplicate customer_support' }),
    'Duplicate',
  );
  const copy = library.item('customer_support (copy)');
  await run.press(copy.getByRole('button', { name: 'Rename customer_support (copy)' }), 'Rename');
  await page.keyboard.type('customer_support');
  await page.keyboard.press('Enter');
  await expect(
    library.list.getByRole('listitem', { name: 'Workflow customer_support' }),
  ).toHaveCount(2);
  const other = library.list
    .getByRole('listitem')
    .filter({ hasNot: page.locator('.wf-item__badge') });
  await run.press(other.locator('.wf-item__open'), 'the copy');
  await expect(library.dialog).toHaveCount(0);
  await expect(library.openName()).toHaveText('customer_support');
  await expect(run.approval('process_refund')).toHaveCount(0);
  await expect(run.replyForm()).toHaveCount(0);
  // No status chip of its own: the waiting run is another workflow's.
  await expect(run.title.locator(':scope > .run-state')).toHaveCount(0);
  await expect(run.chat).toHaveCount(0);
  await expect(run.past.getByText('No runs of this workflow yet.')).toBeVisible();
  // Not drawn on this workflow's canvas either, although every agent name is the same.
  await expect(page.locator('[data-trace]')).toHaveCount(0);
  const note = run.title.getByRole('status');
  // It waits for a person there, and says so.
  await expect(note).toHaveText(/1 run waiting for you in “customer_support”/);
  await expectUsable(note, 'the note of the run in progress');
  await expect(run.root.getByRole('button', { name: 'Start' })).toBeDisabled();

  // The way back: the run is still waiting for its approval there.
  await run.press(note.getByRole('button', { name: 'Show it' }), 'Show it');
  const approval = run.approval('process_refund');
  await expect(approval).toContainText('"order_number": "5"');
  await expect(note).toHaveCount(0);
  await run.press(approval.getByRole('button', { name: 'Approve' }), 'Approve');
  await expect(run.message('refund_agent').last()).toContainText('Refund processed for order 5.');
  await run.reply('Thanks, goodbye');
  await expect(run.state()).toHaveText('completed');
  await expect(run.past.getByRole('listitem')).toHaveCount(1);

  // The copy still has no runs; the run is listed with its own workflow only.
  await openLibrary(library);
  await run.press(other.locator('.wf-item__open'), 'the copy');
  await expect(library.dialog).toHaveCount(0);
  await expect(run.chat).toHaveCount(0);
  await expect(run.past.getByText('No runs of this workflow yet.')).toBeVisible();
});

test('statuses say what the run does: waiting with its events, paused at a breakpoint', async ({
  page,
}) => {
  const run = new RunPanelPage(page);
  await page.goto('/?example=customer_support.json');
  await run.unfold();
  await run.start('Hello, I have a question');
  await expect(run.replyForm()).toBeVisible();
  await expect(run.title.locator('.run-state')).toHaveText('waiting for you');
  const entry = run.past.getByRole('listitem').first();
  await expect(entry.locator('.run-state')).toHaveText('waiting for you');
  const events = await run.root.getByRole('slider', { name: 'Event' }).getAttribute('max');
  expect(Number(events)).toBeGreaterThan(3);
  await expect(entry.locator('.past-run__meta')).toContainText(`· ${events} events ·`);
  await run.press(run.replyForm().getByRole('button', { name: 'End', exact: true }), 'End');
  await expect(run.state()).toHaveText('completed');

  // A breakpoint on the start agent: the run is paused there, not "running".
  await page
    .locator('.react-flow__node [data-agent="triage_agent"] .agent-node__description')
    .click();
  await page.getByLabel("Breakpoint: pause runs before this agent's model calls").check();
  await run.start('Where is my order 8?');
  const bar = page.getByRole('region', { name: 'Paused at a breakpoint' });
  await expect(bar).toBeVisible();
  await expect(run.title.locator('.run-state')).toHaveText('paused at breakpoint');
  await expect(run.state()).toHaveText('paused at breakpoint');
  await run.press(bar.getByRole('button', { name: 'Continue' }), 'Continue');
  await expect(run.state()).toHaveText('waiting for you');
});

test('the save status says the tab does not save while another tab changed the workflow', async ({
  page,
  canvas,
  context,
}) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await expect(canvas.nodes).toHaveCount(4);
  await library.saved();
  const other = await context.newPage();
  const otherCanvas = new CanvasPage(other);
  const otherLibrary = new LibraryPage(other);
  await other.goto('/');
  await expect(otherCanvas.nodes).toHaveCount(4);

  await canvas.rename('refund_agent', 'refunds');
  await library.saved();
  await expect(
    other.getByRole('alert').filter({ hasText: 'was changed in another tab' }),
  ).toBeVisible();
  await expect(otherLibrary.saveState).toHaveText(/^Not saving/);
  // An edit there is held: the status keeps saying so (not "Saving…").
  await otherCanvas.rename('order_agent', 'orders');
  await other.waitForTimeout(800);
  await expect(otherLibrary.saveState).toHaveText('Not saving (another tab changed this workflow)');
  await other.getByRole('button', { name: 'Keep mine' }).click();
  await otherLibrary.saved();
  await other.close();
});

test('the sample message starts a run in one click', async ({ page }) => {
  const run = new RunPanelPage(page);
  await page.goto('/?example=customer_support.json');
  await run.unfold();
  await run.press(
    run.root.getByRole('button', { name: 'Try: “I want a refund for order 123”' }),
    'sample message',
  );
  await expect(run.chat.getByRole('listitem', { name: 'Your message' })).toHaveText(
    /I want a refund for order 123/,
  );
  await expect(run.approval('process_refund')).toContainText('"order_number": "123"');
});

test('after a reload the interrupted run is shown at once, with its status and Resume', async ({
  page,
}) => {
  const run = new RunPanelPage(page);
  await page.goto('/');
  await run.unfold();
  await run.pace(/^Slow/);
  await run.start('I want a refund for order 77');
  await expect(run.message('triage_agent')).toHaveAttribute('aria-busy', 'true');
  await page.reload();
  // Without Open or Resume: the chat, the status and Resume are there.
  await expect(run.chat.getByRole('listitem', { name: 'Your message' })).toHaveText(/order 77/);
  await expect(run.state()).toHaveText('interrupted');
  const resume = run.root.locator('.run-header').getByRole('button', { name: 'Resume' });
  await run.press(resume, 'Resume');
  await expect(run.approval('process_refund')).toContainText('"order_number": "77"');
  await expect(run.chat.getByRole('listitem', { name: 'Your message' })).toHaveCount(1);
  await run.pace(/^Normal/);
});
