import { expect, test } from './fixtures';

test('drag two agents from the palette, connect them, label the edge, see the tool preview', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.open('customer_support.json');
  // away from the pane's edges, where a connection drag would pan the view
  await canvas.dragFromPalette('Triage', 300, 70);
  await expect(canvas.node('triage_agent_2')).toBeVisible();
  await canvas.dragFromPalette('Specialist', 300, 600);
  await expect(canvas.node('specialist_agent')).toBeVisible();
  await expect(canvas.nodes).toHaveCount(6);

  await canvas.connect('triage_agent_2', 'specialist_agent');
  await expect(canvas.edges).toHaveCount(4);
  // the new edge shows the target's description until it has its own
  const label = canvas.edgeLabel('Handles one specific kind of request end to end.');
  await expect(label).toBeVisible();

  await label.dblclick();
  const input = page.getByLabel('Handoff description', { exact: true });
  await input.fill('Customer needs an expert');
  await input.press('Enter');
  await expect(canvas.edgeLabel('Customer needs an expert')).toBeVisible();

  await canvas.edgeLabel('Customer needs an expert').click();
  await expect(inspector.toolPreview.getByTestId('preview-name')).toHaveText(
    'handoff_to_specialist_agent',
  );
  await expect(inspector.toolPreview.getByTestId('preview-description')).toHaveText(
    'Customer needs an expert',
  );
  await expect(inspector.toolPreview.getByLabel('Parameters')).toContainText('"reason"');
  // editing the description in the inspector updates the preview live
  await inspector.field('Description').fill('Escalate to the expert');
  await expect(inspector.toolPreview.getByTestId('preview-description')).toHaveText(
    'Escalate to the expert',
  );
  await expect(canvas.edgeLabel('Escalate to the expert')).toBeVisible();
});

test('a double-click on the canvas adds an agent; an existing handoff is not drawn twice', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const pane = await canvas.box(canvas.pane);
  await page.mouse.dblclick(pane.x + 100, pane.y + pane.height - 120);
  await expect(canvas.node('agent')).toBeVisible();
  await expect(page.getByText('Added agent.')).toBeVisible();
  await canvas.connect('triage_agent', 'refund_agent');
  await expect(canvas.edges).toHaveCount(3);
});

test('an error appears on the canvas and in Problems, and disappears when fixed', async ({
  canvas,
  inspector,
}) => {
  await canvas.open('customer_support.json');
  await canvas.select('triage_agent');
  await inspector.root.getByRole('button', { name: 'New tool' }).click();
  const name = inspector.field('Name');
  await expect(name).toHaveValue('new_tool');
  await name.fill('handoff_to_refund_agent');
  await name.press('Enter');

  const node = canvas.node('triage_agent');
  await expect(node.locator('.problem-count--error')).toHaveText('✖ 1 error');
  await expect(node.locator('.agent-node')).toHaveClass(/agent-node--error/);
  const problem = inspector.problem('has the same name as one of its handoff tools');
  await expect(problem).toBeVisible();
  await expect(canvas.page.getByRole('status').filter({ hasText: '1 error' })).toBeVisible();

  // clicking the problem selects the agent it is about
  await problem.click();
  await expect(inspector.root.getByRole('region', { name: 'Agent triage_agent' })).toBeVisible();
  await inspector.root.getByRole('button', { name: 'Edit tool handoff_to_refund_agent' }).click();
  await inspector.field('Name').fill('lookup_customer');
  await inspector.field('Name').press('Enter');
  await expect(node.locator('.problem-count--error')).toHaveCount(0);
  await expect(problem).toHaveCount(0);
  await expect(canvas.page.getByText('4 agents · 3 handoffs · valid')).toBeVisible();
});
