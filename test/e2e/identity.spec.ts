/**
 * Agents and handoffs keep their identity on the canvas whatever the document holds: two agents
 * with one name are two nodes, and a selection survives edits and undo of other elements.
 */
import { expect, test } from './fixtures';
import { JsonViewPage } from './pages/JsonViewPage';

const TRIAGE = 'Routes customer issues to the right specialist.';
const REFUND = 'Handles refund requests for orders that were paid.';

test('two agents with one name typed in the JSON view are two nodes; the problem selects the right one; renaming it retargets nothing @flow', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.open();
  const json = new JsonViewPage(page);
  await json.show('Split');
  // refund_agent is renamed in the JSON text only: triage_agent is now the name of two agents
  await json.selectWord('"name": "refund_agent"', 'refund_agent');
  await page.keyboard.type('triage_agent');
  await expect(json.status).toContainText('same document as the canvas');

  await expect(canvas.nodes).toHaveCount(4);
  const twins = canvas.node('triage_agent');
  await expect(twins).toHaveCount(2);
  await expect(twins.filter({ hasText: TRIAGE })).toHaveCount(1);
  await expect(twins.filter({ hasText: REFUND })).toHaveCount(1);
  // the minimap draws every node once, no more
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(4);

  // dragging one of them moves that one only
  const refundTwin = twins.filter({ hasText: REFUND });
  const triageTwin = twins.filter({ hasText: TRIAGE });
  // (measured from another node: the view may pan while dragging)
  const offset = async (twin: typeof twins) => {
    const [a, b] = [await canvas.box(twin), await canvas.box(canvas.node('order_agent'))];
    return { x: Math.round(a.x - b.x), y: Math.round(a.y - b.y) };
  };
  const still = await offset(triageTwin);
  const from = await offset(refundTwin);
  const grab = await canvas.box(refundTwin.locator('.agent-node__description'));
  await page.mouse.move(grab.x + grab.width / 2, grab.y + grab.height / 2);
  await page.mouse.down();
  await page.mouse.move(grab.x + grab.width / 2 + 60, grab.y + grab.height / 2 + 40, {
    steps: 10,
  });
  await page.mouse.up();
  await expect.poll(async () => (await offset(refundTwin)).x).toBeGreaterThan(from.x + 30);
  expect(await offset(triageTwin)).toEqual(still);
  await page.keyboard.press('Escape');

  // the problem is about the second agent of the name: clicking it selects that one
  const problem = inspector.problem('Agent name "triage_agent" is already used');
  await expect(problem).toBeVisible();
  await problem.click();
  await expect(inspector.field('Description')).toHaveValue(REFUND);
  await expect(twins.filter({ hasText: REFUND })).toHaveClass(/selected/);
  await expect(twins.filter({ hasText: TRIAGE })).not.toHaveClass(/selected/);

  // renaming it renames that agent only; the handoffs from "triage_agent" stay with the other
  const name = inspector.field('Name');
  await name.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('money_agent');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Another agent is still called' }),
  ).toBeVisible();
  await expect(canvas.node('money_agent')).toContainText(REFUND);
  await expect(canvas.node('triage_agent')).toHaveCount(1);
  await expect(canvas.node('triage_agent')).toContainText(TRIAGE);
  const fromTriage = page.locator('.react-flow__edge[aria-label^="Handoff from triage_agent to "]');
  await expect(fromTriage).toHaveCount(2);
  await expect(
    page.locator('.react-flow__edge[aria-label^="Handoff from money_agent"]'),
  ).toHaveCount(0);
  await expect(json.line('"startAgent": "triage_agent"')).toBeVisible();
  await expect(canvas.nodes).toHaveCount(4);
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(4);
});

test('a selected handoff stays selected when an undo brings back an edge before it', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.open();
  // delete the first handoff of the document (triage → refund)
  await canvas.edgeLabel('Customer wants money back').click();
  await expect(inspector.root.getByRole('region', { name: /^Handoff / })).toHaveAttribute(
    'aria-label',
    'Handoff triage_agent to refund_agent',
  );
  await page.keyboard.press('Delete');
  await expect(canvas.edgeLabel('Customer wants money back')).toHaveCount(0);

  // select triage → order, now the first in the array, and undo the delete
  await canvas.edgeLabel('Customer asks where an order is').click();
  const shown = inspector.root.getByRole('region', { name: /^Handoff / });
  await expect(shown).toHaveAttribute('aria-label', 'Handoff triage_agent to order_agent');
  await page.keyboard.press('Control+Z');
  await expect(canvas.edgeLabel('Customer wants money back')).toBeVisible();

  await expect(shown).toHaveAttribute('aria-label', 'Handoff triage_agent to order_agent');
  await expect(inspector.root.locator('.inspector__route')).toHaveText(
    'triage_agent → order_agent',
  );
  await expect(canvas.edgeLabel('Customer asks where an order is')).toHaveClass(
    /edge-label--selected/,
  );
  await expect(canvas.edgeLabel('Customer wants money back')).not.toHaveClass(
    /edge-label--selected/,
  );
});
