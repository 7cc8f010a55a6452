/**
 * A trace made by the real Agent Framework (test/fixtures/traces/af/, produced by
 * test/support/afTrace.ts) imported in the app: opened as a new workflow and stepped through on
 * the canvas like a run of ours; matched to the open workflow with a disallowed handoff flagged;
 * with content capture off, the missing words said, not invented; a run exported as OTLP.
 */
import { readFileSync } from 'node:fs';
import { RunPanelPage } from './pages/RunPanelPage';
import { expect, test } from './fixtures';
import { dropFile } from './support/dropFile';
import { expectUsable } from './support/usable';

const AF = 'test/fixtures/traces/af/customer_support.otlp.json';
const AF_NO_CONTENT = 'test/fixtures/traces/af/customer_support.no-content.otlp.json';

test('an Agent Framework trace opens as a new workflow and steps through on the canvas @flow', async ({
  page,
}) => {
  await page.goto('/?example=homework_tutors.json');
  const run = new RunPanelPage(page);
  await run.unfold();
  await run.root.getByLabel('Trace file to import').setInputFiles(AF);
  const dialog = page.getByRole('dialog', { name: 'Import a trace' });
  await expectUsable(dialog, 'trace import dialog');
  await expect(dialog).toContainText('Agent Framework trace (OpenTelemetry)');
  await expect(dialog).toContainText('order_agent never answered');
  const asNew = dialog.getByRole('button', { name: 'Open as a new workflow' });
  await expectUsable(asNew, 'Open as a new workflow');
  await asNew.click();
  await expect(dialog).toHaveCount(0);

  // The recovered graph is the open workflow; its run is shown like one of ours.
  const node = (name: string) => page.locator(`.react-flow__node [data-agent="${name}"]`);
  await expect(node('triage_agent')).toBeVisible();
  await expect(node('refund_agent')).toBeVisible();
  await expect(page.locator('.edge-label', { hasText: 'Customer wants money back' })).toBeVisible();
  await expect(run.root.getByText(/Imported trace: \d+ notes/)).toBeVisible();
  await expect(run.message('refund_agent').last()).toContainText(
    'Your refund for order 123 is on its way.',
  );
  await expect(run.chat.locator('.chat__badge--approved')).toHaveCount(1);
  const taken = page.locator('.edge-label', { hasText: 'Customer wants money back' });
  await expect(taken.locator('.edge-label__count')).toHaveText('×1');

  // Step back to before the handoff: the canvas shows it as it was.
  const slider = run.root.getByRole('slider', { name: 'Event' });
  await slider.fill('5');
  await expect(page.locator('.edge-label__count')).toHaveCount(0);
  await expect(node('triage_agent')).toHaveClass(/agent-node--active/);
  await slider.fill('9');
  await expect(taken.locator('.edge-label__count')).toHaveText('×1');
  await expect(node('refund_agent')).toHaveClass(/agent-node--active/);
  await page.screenshot({ path: test.info().outputPath('af-trace.png') });
});

test('dropped and matched to the open workflow, a handoff it does not allow is flagged', async ({
  page,
}) => {
  await page.goto('/?example=customer_support.json');
  const node = (name: string) => page.locator(`.react-flow__node [data-agent="${name}"]`);
  await expect(node('triage_agent')).toBeVisible();
  // Remove the triage → refund handoff from the open workflow.
  await page.locator('.edge-label', { hasText: 'Customer wants money back' }).click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.edge-label', { hasText: 'Customer wants money back' })).toHaveCount(
    0,
  );
  // Dropped on the canvas with the Run panel folded: the trace import dialog, not the workflow's.
  const run = new RunPanelPage(page);
  await dropFile(page, 'af.otlp.json', readFileSync(AF_NO_CONTENT, 'utf8'));
  await expect(page.getByRole('dialog', { name: 'Import a workflow' })).toHaveCount(0);
  const dialog = page.getByRole('dialog', { name: 'Import a trace' });
  await expect(dialog).toContainText('content capture was off');
  const match = dialog.getByRole('button', { name: /Match to the open workflow \(1 flagged\)/ });
  await expectUsable(match, 'Match to the open workflow');
  await match.click();
  await expect(run.root.getByText(/Imported trace: \d+ notes/)).toBeVisible();
  await expect(run.root.locator('.trace-note--flagged')).toContainText(
    'triage_agent → refund_agent',
  );
  await expect(run.root.locator('.trace-note--missing').first()).toBeVisible();
  // No words were captured: none are shown.
  await expect(run.message('refund_agent')).toHaveCount(0);
  await expect(node('triage_agent')).toContainText(
    /forbidden|not allowed|handoff_to_refund_agent/i,
  );
});

test('a damaged trace is refused with its reason, and a run exports as OTLP', async ({ page }) => {
  await page.goto('/?example=customer_support.json');
  const run = new RunPanelPage(page);
  await run.unfold();
  await run.root.getByLabel('Trace file to import').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"resourceSpans": ['),
  });
  const dialog = page.getByRole('dialog', { name: 'Import a trace' });
  await expect(dialog.getByRole('alert')).toContainText('not a trace Handoff Studio can open');
  await expect(dialog.getByRole('button', { name: 'Open as a new workflow' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await run.start('I want a refund for order 9');
  await run.approval('process_refund').getByRole('button', { name: 'Approve' }).click();
  await run.reply('goodbye');
  await expect(run.state()).toHaveText('completed');
  const downloading = page.waitForEvent('download');
  await run.past.getByRole('button', { name: 'Export OTLP' }).first().click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.otlp\.json$/);
  const path = test.info().outputPath('run.otlp.json');
  await download.saveAs(path);
  // Read back in the app: the same run, as a new workflow.
  await run.root.getByLabel('Trace file to import').setInputFiles(path);
  await expect(dialog).toContainText('Handoff Studio run (OpenTelemetry)');
  await dialog.getByRole('button', { name: 'Match to the open workflow' }).click();
  await expect(run.message('refund_agent').last()).toContainText('Refund processed for order 9.');
});
