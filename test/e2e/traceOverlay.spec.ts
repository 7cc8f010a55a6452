/**
 * The run trace on the canvas (issue 5): the active agent highlighted, a traversed edge with its
 * count, a waiting mark, and an earlier state shown when stepping back through the timeline.
 */
import { expect, test } from './fixtures';

test('a simulator run is traced on the canvas and stepping back shows it as it was', async ({
  page,
}) => {
  await page.goto('/?example=customer_support.json');
  const node = (name: string) => page.locator(`.react-flow__node [data-agent="${name}"]`);
  await expect(node('triage_agent')).toBeVisible();
  const panel = page.getByRole('region', { name: 'Run panel' });
  // the toolbar's Run button opens the panel with the message box focused
  await page.getByRole('button', { name: 'Run this workflow' }).click();
  await expect(panel.getByLabel('Opening message')).toBeFocused();
  // nothing is traced before a run
  await expect(page.locator('.agent-trace')).toHaveCount(0);

  await panel.getByLabel('Opening message').fill('I want a refund for order 123');
  await panel.getByRole('button', { name: 'Start' }).click();

  // the refund tool waits for approval: refund_agent holds control, the edge was taken once
  await expect(panel.getByRole('region', { name: 'Approve process_refund' })).toBeVisible();
  await expect(node('refund_agent')).toHaveClass(/agent-node--active/);
  await expect(node('refund_agent')).toContainText('awaiting approval');
  await expect(node('triage_agent')).toHaveClass(/agent-node--visited/);
  await expect(node('triage_agent')).toContainText('visited ×1');
  await expect(node('order_agent')).not.toHaveClass(/agent-node--visited/);
  const taken = page.locator('.edge-label', { hasText: 'Customer wants money back' });
  await expect(taken.locator('.edge-label__count')).toHaveText('×1');
  await expect(page.locator('.edge-label__count')).toHaveCount(1);
  await expect(page.getByText('Follow active agent')).toBeVisible();
  await page.screenshot({ path: 'test-results/trace-overlay.png' });

  // click the edge: the handoffs that crossed it, with their reasons
  await taken.click();
  const crossings = page.getByRole('region', { name: 'Handoffs in this run' });
  await expect(crossings).toContainText('Taken 1 time in this run');
  await expect(crossings).toContainText('The request mentions refund, order.');
  // click a node: its turns, and the exact model input of one (the camera follows refund_agent:
  // switch that off and fit the view to reach triage_agent)
  await page.getByLabel('Follow active agent').uncheck();
  await page.locator('.react-flow__controls-fitview').click();
  await node('triage_agent').locator('.agent-node__description').click();
  const turns = page.getByRole('region', { name: 'Turns in this run' });
  await expect(turns).toContainText('1 model call in this run');
  await expect(turns).toContainText('handoff_to_refund_agent');
  await turns.getByRole('button', { name: 'Show the model input' }).click();
  const input = turns.getByLabel('Model input');
  await expect(input).toContainText('You are frontline support triage.');
  await expect(input).toContainText('I want a refund for order 123');

  // step back to before the handoff: the count and refund_agent's marks disappear
  const timeline = panel.getByRole('region', { name: 'Timeline' });
  const slider = timeline.getByLabel('Event');
  await slider.fill('5');
  await expect(page.locator('.edge-label__count')).toHaveCount(0);
  await expect(node('refund_agent')).not.toHaveClass(/agent-node--visited|agent-node--active/);
  await expect(node('triage_agent')).toHaveClass(/agent-node--active/);
});
