/**
 * The Run panel in Chromium, used as a person would: run the customer-support example on the
 * simulator and watch the chat stream; answer requests; approve and reject tools; stop and
 * resume; reload mid-run and resume; step back through the timeline; export and import a run.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Page object for the Run panel. */
class RunPanel {
  readonly root: Locator;
  readonly chat: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Run panel' });
    this.chat = this.root.getByRole('list', { name: 'Chat' });
  }

  async open(example = 'customer_support.json'): Promise<void> {
    await this.page.goto(`/?example=${example}`);
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible();
    const toggle = this.root.getByRole('button', { name: 'Run', exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(this.root.getByLabel('Opening message')).toBeVisible();
  }

  /** Chooses a pace for simulated replies (in the provider settings). */
  async pace(label: RegExp): Promise<void> {
    await this.root.getByText('Provider:').click();
    await this.root
      .getByLabel('Streaming pace')
      .selectOption({ label: (await this.paceLabel(label))! });
    await this.root.getByText('Provider:').click();
  }

  private async paceLabel(label: RegExp): Promise<string | undefined> {
    const options = await this.root
      .getByLabel('Streaming pace')
      .locator('option')
      .allTextContents();
    return options.find((o) => label.test(o));
  }

  async start(message: string): Promise<void> {
    await this.root.getByLabel('Opening message').fill(message);
    await this.root.getByRole('button', { name: 'Start' }).click();
  }

  message(agent: string): Locator {
    return this.chat.getByRole('listitem', { name: `Message from ${agent}` });
  }

  state(): Locator {
    return this.root.locator('.run-header .run-state');
  }

  async reply(text: string): Promise<void> {
    const box = this.root.getByRole('form', { name: /^Reply to / });
    await box.getByRole('textbox').fill(text);
    await box.getByRole('button', { name: 'Send' }).click();
  }
}

test('runs customer support on the simulator: the chat streams, a tool is approved, the reply ends it', async ({
  page,
}) => {
  const run = new RunPanel(page);
  await run.open();
  // The triage agent's text streams in: a bubble marked busy while it streams, then complete.
  // The stream lasts a few hundred milliseconds, so the page itself records whether a busy
  // bubble was ever drawn (polling from the test could miss it on a loaded machine).
  await page.evaluate(() => {
    const seen = () => document.querySelector('ol[aria-label="Chat"] [aria-busy="true"]') !== null;
    const w = window as unknown as { sawStreaming?: boolean };
    w.sawStreaming = seen();
    new MutationObserver(() => {
      if (seen()) w.sawStreaming = true;
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-busy'],
    });
  });
  await run.start('I want a refund for order 123');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { sawStreaming?: boolean }).sawStreaming))
    .toBe(true);
  await expect(run.message('triage_agent')).toContainText('Handing you over to refund_agent');
  await expect(
    run.chat.getByRole('separator', { name: 'Handoff from triage_agent to refund_agent' }),
  ).toBeVisible();
  const approval = run.root.getByRole('region', { name: 'Approve process_refund' });
  await expect(approval).toContainText('"order_number": "123"');
  await page.screenshot({ path: 'test-results/run-panel-approval.png' });
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(run.message('refund_agent')).toContainText('Refund processed for order 123.');
  await expect(run.chat.locator('.chat__badge--approved')).toBeVisible();
  await run.reply('Thanks, goodbye');
  await expect(run.state()).toHaveText('completed');
  await expect(run.chat).toContainText('Run completed (termination condition).');
  await page.screenshot({ path: 'test-results/run-panel-completed.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/run-panel-completed-dark.png' });
});

test('approves one refund and rejects another', async ({ page }) => {
  const run = new RunPanel(page);
  await run.open();
  await run.start('I want a refund for order 1');
  const approval = run.root.getByRole('region', { name: 'Approve process_refund' });
  await expect(approval).toContainText('"order_number": "1"');
  await approval.getByRole('button', { name: 'Reject' }).click();
  await expect(run.message('refund_agent').last()).toContainText('That did not work');
  await expect(run.chat.locator('.chat__badge--rejected')).toHaveCount(1);
  await run.reply('Then refund order 2 please');
  await expect(approval).toContainText('"order_number": "2"');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(run.message('refund_agent').last()).toContainText('Refund processed for order 2.');
  await expect(run.chat.locator('.chat__badge--approved')).toHaveCount(1);
  await expect(run.chat.locator('.chat__badge--rejected')).toHaveCount(1);
  // The reply box's End ends the run.
  await run.root
    .getByRole('form', { name: /^Reply to / })
    .getByRole('button', { name: 'End', exact: true })
    .click();
  await expect(run.state()).toHaveText('completed');
  await expect(run.chat).toContainText('Run completed (user terminated).');
  // Fork from the past runs list: a new run from the last pause before the end.
  const past = run.root.getByRole('region', { name: 'Past runs' });
  await past.getByRole('listitem').first().getByRole('button', { name: 'Fork' }).click();
  await expect(run.state()).toHaveText('waiting for you');
  await expect(run.root.getByRole('form', { name: 'Reply to refund_agent' })).toBeVisible();
  await expect(past.getByRole('listitem')).toHaveCount(2);
});

test('stops a run mid-stream and resumes it', async ({ page }) => {
  const run = new RunPanel(page);
  await run.open();
  await run.start('Hello, I have a question about my account');
  await expect(run.chat.locator('[aria-busy="true"]')).toBeVisible();
  await run.root.getByRole('button', { name: 'Stop' }).click();
  await expect(run.state()).toHaveText('stopped');
  await expect(run.chat).toContainText('Stopped. The run can be resumed.');
  await expect(run.chat.locator('.chat__cut')).toBeVisible();
  await run.root.locator('.run-header').getByRole('button', { name: 'Resume' }).click();
  await expect(run.state()).toHaveText('waiting for you');
  // The cut-off reply stays in the history (it happened; seq never goes back), marked as cut,
  // and the resumed call streams the reply again in full.
  await expect(run.message('triage_agent')).toHaveCount(2);
  await expect(run.message('triage_agent').first().locator('.chat__cut')).toBeVisible();
  await expect(run.message('triage_agent').last()).toContainText('This reply is simulated');
  await expect(run.chat).toContainText('Resumed from checkpoint');
  await expect(run.root.getByRole('form', { name: 'Reply to triage_agent' })).toBeVisible();
});

test('a reload mid-run leaves the run interrupted; Resume continues it with nothing lost', async ({
  page,
}) => {
  const run = new RunPanel(page);
  await run.open();
  await run.pace(/^Slow/);
  await run.start('I want a refund for order 77');
  // Reload while the triage agent is still streaming its reply.
  await expect(run.message('triage_agent')).toHaveAttribute('aria-busy', 'true');
  await page.reload();
  await expect(run.root.getByLabel('Opening message')).toBeVisible();
  await expect(run.root.locator('.run-panel__title')).toContainText('1 interrupted run');
  const past = run.root.getByRole('region', { name: 'Past runs' });
  const entry = past.getByRole('listitem').first();
  await expect(entry.locator('.run-state')).toHaveText('interrupted');
  await page.screenshot({ path: 'test-results/run-panel-interrupted.png' });
  await entry.getByRole('button', { name: 'Resume' }).click();
  const approval = run.root.getByRole('region', { name: 'Approve process_refund' });
  await expect(approval).toContainText('"order_number": "77"');
  // Nothing lost: the opening message, triage's reply and the handoff are all there, once.
  await expect(run.chat.getByRole('listitem', { name: 'Your message' })).toHaveCount(1);
  await expect(run.message('triage_agent')).toHaveCount(1);
  await expect(run.chat.getByRole('separator')).toHaveCount(1);
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(run.message('refund_agent').last()).toContainText('Refund processed for order 77.');
  await run.pace(/^Normal/);
});

test('steps back through the timeline to an earlier chat, and forks from a checkpoint', async ({
  page,
}) => {
  const run = new RunPanel(page);
  await run.open();
  await run.start('Where is my order 5?');
  await expect(run.message('order_agent').last()).toContainText('shipped yesterday');
  await run.root
    .getByRole('form', { name: /^Reply to / })
    .getByRole('button', { name: 'End', exact: true })
    .click();
  await expect(run.state()).toHaveText('completed');

  const timeline = run.root.getByRole('region', { name: 'Timeline' });
  const slider = timeline.getByRole('slider', { name: 'Event' });
  const total = Number(await slider.getAttribute('max'));
  expect(total).toBeGreaterThan(20);
  // Step back with the keyboard until the handoff has not happened yet.
  await slider.focus();
  const separator = run.chat.getByRole('separator');
  await expect(separator).toHaveCount(1);
  for (let i = 0; i < total && (await separator.count()) > 0; i++)
    await page.keyboard.press('ArrowLeft');
  await expect(separator).toHaveCount(0);
  await expect(timeline).toContainText('as it was');
  await expect(run.message('triage_agent')).toBeVisible();
  await expect(run.chat).not.toContainText('Run completed');
  await page.screenshot({ path: 'test-results/run-panel-timeline.png' });
  // One step forward brings the handoff back.
  for (let i = 0; i < 10 && (await separator.count()) === 0; i++) {
    await timeline.getByRole('button', { name: 'Step forward' }).click();
  }
  await expect(separator).toHaveCount(1);

  // Back at the first checkpoint (after the opening message): fork from there.
  await slider.fill('3');
  await expect(timeline).toContainText('Checkpoint');
  await run.root.getByRole('button', { name: 'Fork from here' }).click();
  await expect(run.state()).toHaveText('waiting for you');
  const past = run.root.getByRole('region', { name: 'Past runs' });
  await expect(past.getByRole('listitem')).toHaveCount(2);
  await expect(past.locator('.past-run__meta').filter({ hasText: '· fork' })).toHaveCount(1);
  await expect(past.getByRole('listitem').filter({ hasText: 'completed' })).toHaveCount(1);
});

test('exports a run and imports it in a fresh browser profile to step through, fork and replay it', async ({
  page,
  browser,
}) => {
  const run = new RunPanel(page);
  await run.open();
  await run.start('I want a refund for order 9');
  const approval = run.root.getByRole('region', { name: 'Approve process_refund' });
  await approval.getByRole('button', { name: 'Approve' }).click();
  await run.reply('goodbye');
  await expect(run.state()).toHaveText('completed');
  const downloading = page.waitForEvent('download');
  await run.root.locator('.run-header').getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  const path = test.info().outputPath('run.json');
  await download.saveAs(path);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  const imported = new RunPanel(other);
  await imported.open();
  await expect(imported.root.getByText('No runs of this workflow yet.')).toBeVisible();
  await imported.root.getByLabel('Run file to import').setInputFiles(path);
  await expect(imported.root.getByText('Imported run')).toBeVisible();
  await expect(imported.message('refund_agent').last()).toContainText(
    'Refund processed for order 9.',
  );
  const slider = imported.root.getByRole('slider', { name: 'Event' });
  await slider.fill('2');
  await expect(imported.chat.getByRole('listitem', { name: 'Your message' })).toHaveText(/order 9/);
  await expect(imported.message('triage_agent')).toHaveCount(0);
  // The file carries the run's checkpoints: fork it here from the first one.
  await slider.fill('3');
  await expect(imported.root.locator('.timeline')).toContainText('Checkpoint');
  await imported.root.getByRole('button', { name: 'Fork from here' }).click();
  await expect(imported.state()).toHaveText('waiting for you');
  const past = imported.root.getByRole('region', { name: 'Past runs' });
  await expect(past.getByRole('listitem')).toHaveCount(2);
  await expect(past.locator('.past-run__meta').filter({ hasText: '· fork' })).toHaveCount(1);
  await imported.root.locator('.run-header').getByRole('button', { name: 'Stop' }).click();
  await expect(imported.state()).toHaveText('stopped');
  // Replay: the same replies on the script provider, the recorded answers given again.
  const entry = past.getByRole('listitem').filter({ hasText: 'imported' });
  await entry.getByRole('button', { name: 'Replay' }).click();
  await expect(imported.state()).toHaveText('completed');
  await expect(imported.message('refund_agent').last()).toContainText(
    'Refund processed for order 9.',
  );
  await expect(imported.chat.locator('.chat__badge--approved')).toHaveCount(1);
  expect(errors).toEqual([]);
  await fresh.close();
});
