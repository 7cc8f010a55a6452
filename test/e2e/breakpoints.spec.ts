/**
 * Breakpoints (issue 5): on an agent (pause before its model call) and on an edge (pause before
 * the handoff is taken), set in the inspector, released with Step and Continue on the canvas.
 */
import { expect, test } from './fixtures';

test('a run pauses at breakpoints on an edge and an agent; Continue and Step go on', async ({
  page,
}) => {
  await page.goto('/?example=customer_support.json');
  const node = (name: string) => page.locator(`.react-flow__node [data-agent="${name}"]`);
  await expect(node('triage_agent')).toBeVisible();

  // a breakpoint on the edge triage → refund, set from the edge's inspector
  await page.locator('.edge-label', { hasText: 'Customer wants money back' }).click();
  await page.getByLabel('Breakpoint: pause runs before this handoff is taken').check();
  // and one on triage_agent itself
  await node('triage_agent').locator('.agent-node__description').click();
  await page.getByLabel("Breakpoint: pause runs before this agent's model calls").check();
  await expect(node('triage_agent').getByLabel('breakpoint')).toBeVisible();

  const panel = page.getByRole('region', { name: 'Run panel' });
  const toggle = panel.getByRole('button', { name: 'Run', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await panel.getByLabel('Opening message').fill('I want a refund for order 123');
  await panel.getByRole('button', { name: 'Start' }).click();

  const bar = page.getByRole('region', { name: 'Paused at a breakpoint' });
  await expect(bar).toContainText("Paused before triage_agent's model call");
  await expect(page.locator('.agent-trace__stream')).toHaveCount(0);
  await bar.getByRole('button', { name: 'Continue' }).click();

  await expect(bar).toContainText('Paused before the handoff triage_agent → refund_agent');
  await expect(page.locator('.edge-label__count')).toHaveCount(0);
  await bar.getByRole('button', { name: 'Step' }).click();

  // Step: the handoff is taken, and the run pauses again before the next model call
  await expect(bar).toContainText("Paused before refund_agent's model call (step)");
  await expect(
    page
      .locator('.edge-label', { hasText: 'Customer wants money back' })
      .locator('.edge-label__count'),
  ).toHaveText('×1');
  await bar.getByRole('button', { name: 'Continue' }).click();
  await expect(bar).toHaveCount(0);
  await expect(panel.getByRole('region', { name: 'Approve process_refund' })).toBeVisible();
});
