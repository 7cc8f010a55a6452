import type { Locator } from '@playwright/test';
import { generateDocumentText } from '../../bench/model';
import { expect, test } from './fixtures';

/** 100 agents, 400 handoffs, on a 10-column grid. */
function largeDocument(): string {
  const doc = JSON.parse(generateDocumentText(100, 4)) as {
    agents: Array<{ position: { x: number; y: number } }>;
  };
  doc.agents.forEach((agent, i) => {
    agent.position = { x: (i % 10) * 320, y: Math.floor(i / 10) * 200 };
  });
  return JSON.stringify(doc);
}

/** How many curves the sketch layer draws (each starts with a move-to). */
const curves = (layer: Locator) =>
  layer
    .locator('path')
    .evaluateAll((paths) =>
      paths.reduce((n, p) => n + (p.getAttribute('d') ?? '').split('M').length - 1, 0),
    );

test('a large graph seen from far away draws its edges as a sketch that follows a drag', async ({
  page,
  canvas,
}) => {
  await page.route('**/examples/large.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: largeDocument() }),
  );
  await canvas.open('large.json');
  const flow = page.locator('.canvas__flow');
  await expect(flow).toHaveAttribute('data-edges', 'sketch');
  await expect(canvas.edges).toHaveCount(0);
  const still = page.getByTestId('edge-sketch');
  await expect.poll(() => curves(still)).toBe(400);

  // Drag agent_0: while it moves, its 8 edges (4 out, 4 in) are drawn in a layer of their own.
  const box = await canvas.stableBox(canvas.node('agent_0'));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 150, { steps: 8 });
  const moving = page.getByTestId('edge-sketch-moving');
  await expect.poll(() => curves(moving)).toBe(8);
  await expect.poll(() => curves(still)).toBe(392);
  const during = await moving.locator('path').first().getAttribute('d');
  await page.mouse.move(box.x + 260, box.y + 200, { steps: 4 });
  await expect.poll(() => moving.locator('path').first().getAttribute('d')).not.toBe(during);
  await page.mouse.up();
  await expect(moving).toHaveCount(0);
  await expect.poll(() => curves(still)).toBe(400);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
    'title',
    'Undo Move agent (Ctrl+Z)',
  );

  // A selected agent's handoffs stand out in the sketch.
  await canvas.node('agent_5').click();
  const selected = still.locator('path.edge-sketch__selected');
  await expect
    .poll(() => selected.getAttribute('d').then((d) => (d ?? '').split('M').length - 1))
    .toBe(8);

  // Zoomed in, the full edges (labels, clicks) are back.
  for (let i = 0; i < 12 && (await flow.getAttribute('data-edges')) === 'sketch'; i++) {
    await page.locator('.react-flow__controls-zoomin').click();
  }
  await expect(flow).toHaveAttribute('data-edges', 'full');
  await expect(flow).not.toHaveClass(/canvas__flow--far/);
  await expect(canvas.edges.first()).toBeVisible();
  await expect(still).toHaveCount(0);
});
