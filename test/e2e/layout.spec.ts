import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { CanvasPage } from './pages/CanvasPage';
import { LibraryPage } from './pages/LibraryPage';
import { expectUsable } from './support/usable';

const EXAMPLES = [
  'customer_support.json',
  'ecommerce_returns.json',
  'content_pipeline.json',
  'homework_tutors.json',
];

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes a person sees: agents, edge labels, the minimap and the canvas itself. */
async function boxes(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element, name: string) => {
      const r = el.getBoundingClientRect();
      return { name, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const all = (selector: string, name: (el: Element) => string) =>
      [...document.querySelectorAll(selector)].map((el) => box(el, name(el)));
    return {
      nodes: all('.react-flow__node', (el) => `agent ${el.getAttribute('data-id')}`),
      labels: all('.edge-label', (el) => `label "${el.textContent}"`),
      minimap: box(document.querySelector('.react-flow__minimap')!, 'minimap'),
      canvas: box(document.querySelector('.canvas__flow .react-flow')!, 'canvas'),
    };
  });
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every pair of boxes of `a` and `b` (or of `a` itself) that overlap, by name. */
function overlaps(a: Box[], b?: Box[]): string[] {
  const found: string[] = [];
  a.forEach((x, i) =>
    (b ?? a.slice(i + 1)).forEach((y) => {
      if (overlap(x, y)) found.push(`${x.name} × ${y.name}`);
    }),
  );
  return found;
}

/** Every box lies inside the visible canvas. */
function expectInside(items: Box[], frame: Box) {
  for (const item of items) {
    expect(item.x, `${item.name}: left`).toBeGreaterThanOrEqual(frame.x);
    expect(item.y, `${item.name}: top`).toBeGreaterThanOrEqual(frame.y);
    expect(item.x + item.width, `${item.name}: right`).toBeLessThanOrEqual(frame.x + frame.width);
    expect(item.y + item.height, `${item.name}: bottom`).toBeLessThanOrEqual(
      frame.y + frame.height,
    );
  }
}

/** Waits until the view stops moving (the fit after a layout is animated). */
async function settled(canvas: CanvasPage, name?: string) {
  await canvas.stableBox(name ? canvas.node(name) : canvas.nodes.first());
}

for (const example of EXAMPLES) {
  test(`after Layout, no edge label lies on an agent or on another label: ${example}`, async ({
    page,
    canvas,
  }) => {
    await canvas.open(example);
    await page.getByRole('button', { name: '⇉ Layout' }).click();
    await expect(page.getByText('Laid out.')).toBeVisible();
    await settled(canvas);
    const { nodes, labels, minimap, canvas: frame } = await boxes(page);
    expectInside(nodes, frame);
    expect(labels.length).toBeGreaterThan(0);
    expect(overlaps(labels, nodes), 'labels on agents').toEqual([]);
    expect(overlaps(labels), 'labels on labels').toEqual([]);
    expect(overlaps(nodes), 'agents on agents').toEqual([]);
    expect(overlaps(nodes, [minimap]), 'agents under the minimap').toEqual([]);
  });

  test(`opened at 1280×720, no agent lies under the minimap: ${example}`, async ({
    page,
    canvas,
  }) => {
    await canvas.open(example);
    await settled(canvas);
    const { nodes, minimap } = await boxes(page);
    expect(minimap.width).toBeGreaterThan(0);
    expect(overlaps(nodes, [minimap]), 'agents under the minimap').toEqual([]);
  });
}

/** Twelve agents, no positions: a triage agent, its specialists, hand-backs and a chain. */
function twelveAgents(): string {
  const specialists = ['billing', 'refunds', 'orders', 'returns', 'shipping', 'accounts'];
  const agents = [
    { name: 'triage', description: 'Routes every request' },
    ...specialists.map((name) => ({ name, description: `Handles ${name}` })),
    ...['escalation', 'legal', 'fraud', 'manager', 'closing'].map((name) => ({
      name,
      description: `The ${name} desk`,
    })),
  ];
  const handoffs = [
    ...specialists.map((name) => ({
      source: 'triage',
      target: name,
      description: `The customer asks about ${name}.`,
    })),
    ...specialists.map((name) => ({
      source: name,
      target: 'triage',
      description: 'Not my topic: back to triage.',
    })),
    { source: 'refunds', target: 'escalation', description: 'Refund above the limit.' },
    { source: 'escalation', target: 'legal', description: 'A legal threat.' },
    { source: 'escalation', target: 'fraud', description: 'Looks like fraud.' },
    { source: 'legal', target: 'manager', description: 'Needs a manager.' },
    { source: 'fraud', target: 'manager', description: 'Confirmed fraud.' },
    { source: 'manager', target: 'closing', description: 'Decision made.' },
    { source: 'closing', target: 'triage', description: 'Anything else?' },
  ];
  return JSON.stringify(
    {
      format: 'handoff-workflow',
      version: 1,
      name: 'twelve',
      startAgent: 'triage',
      agents,
      handoffs,
    },
    null,
    2,
  );
}

test('a workflow without positions is laid out on import and fitted in view @flow', async ({
  page,
  canvas,
}) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await library.menu('Import…');
  const dialog = page.getByRole('dialog', { name: 'Import a workflow' });
  await expectUsable(dialog, 'import dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'twelve.json',
    mimeType: 'application/json',
    buffer: Buffer.from(twelveAgents()),
  });
  await expect(dialog.getByRole('status')).toContainText('twelve · 12 agents');
  await dialog.getByRole('button', { name: 'Import as a new workflow' }).click();
  await expect(dialog).toBeHidden();
  await expect(canvas.nodes).toHaveCount(12);

  // Laid out: the triage agent left of its specialists, every agent in view.
  await expect
    .poll(async () => (await canvas.position('billing')).x - (await canvas.position('triage')).x)
    .toBeGreaterThan(100);
  await settled(canvas, 'closing');
  const { nodes, labels, minimap, canvas: frame } = await boxes(page);
  expect(nodes).toHaveLength(12);
  expectInside(nodes, frame);
  expect(overlaps(nodes), 'agents on agents').toEqual([]);
  expect(overlaps(nodes, [minimap]), 'agents under the minimap').toEqual([]);
  expect(overlaps(labels, nodes), 'labels on agents').toEqual([]);
  expect(overlaps(labels), 'labels on labels').toEqual([]);
  // The layout is one undo step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Undid: Lay out the workflow')).toBeVisible();
});

test('auto-layout top to bottom, then left to right, each one undo step', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const triage = await canvas.position('triage_agent');
  const refund = await canvas.position('refund_agent');
  // left to right today: the triage agent is left of its specialists
  expect(triage.x).toBeLessThan(refund.x);

  await page.getByRole('button', { name: 'Layout top to bottom' }).click();
  await expect(page.getByText('Laid out.')).toBeVisible();
  await expect
    .poll(async () => {
      const t = await canvas.position('triage_agent');
      const r = await canvas.position('refund_agent');
      return r.y - t.y;
    })
    .toBeGreaterThan(100);

  await canvas.shortcut('Control+z');
  await expect(page.getByText('Undid: Auto-layout top to bottom')).toBeVisible();
  await canvas.shortcut('l');
  await expect(page.getByText('Laid out.')).toBeVisible();
  await expect
    .poll(async () => {
      const t = await canvas.position('triage_agent');
      const r = await canvas.position('refund_agent');
      return r.x - t.x;
    })
    .toBeGreaterThan(100);
});
