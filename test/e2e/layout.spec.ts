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

/** The boxes of `items` that stick out of the visible canvas, by name. */
function outside(items: Box[], frame: Box): string[] {
  return items
    .filter(
      (b) =>
        b.x < frame.x ||
        b.y < frame.y ||
        b.x + b.width > frame.x + frame.width ||
        b.y + b.height > frame.y + frame.height,
    )
    .map((b) => `${b.name} outside the canvas`);
}

/**
 * What is wrong with the view as a person sees it: agents outside the canvas, on each other or
 * under the minimap, labels on agents or on each other. Polled: the fit after a layout is
 * animated, so the view is judged once it has come to rest.
 */
async function viewProblems(page: Page): Promise<string[]> {
  const { nodes, labels, minimap, canvas: frame } = await boxes(page);
  return [
    ...outside(nodes, frame),
    ...overlaps(nodes),
    ...overlaps(nodes, [minimap]),
    ...overlaps(labels, nodes),
    ...overlaps(labels),
  ];
}

/** Waits until the view stops moving. */
async function settled(canvas: CanvasPage, name?: string) {
  await canvas.stableBox(name ? canvas.node(name) : canvas.nodes.first());
}

for (const example of EXAMPLES) {
  test(`after Layout, no edge label lies on an agent or on another label: ${example}`, async ({
    page,
    canvas,
  }) => {
    await canvas.open(example);
    await page.getByRole('button', { name: 'Layout left to right' }).click();
    await expect(page.getByText('Laid out.')).toBeVisible();
    await expect(page.locator('.edge-label').first()).toBeVisible();
    await expect.poll(() => viewProblems(page)).toEqual([]);
  });

  test(`opened at 1280×720, no agent lies under the minimap: ${example}`, async ({
    page,
    canvas,
  }) => {
    await canvas.open(example);
    await settled(canvas);
    expect((await boxes(page)).minimap.width).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const { nodes, minimap, canvas: frame } = await boxes(page);
        return [...overlaps(nodes, [minimap]), ...outside(nodes, frame)];
      })
      .toEqual([]);
  });
}

test('the fit button of the zoom controls leaves the minimap free, as F does', async ({
  page,
  canvas,
}) => {
  await canvas.open('ecommerce_returns.json');
  await settled(canvas);
  // Zoom in far, so that React Flow's own fit would place agents under the minimap corner.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  const fit = page.getByRole('button', { name: 'Fit View' });
  await expectUsable(fit, 'fit button');
  await fit.click();
  await expect
    .poll(async () => {
      const { nodes, minimap, canvas: frame } = await boxes(page);
      return [...overlaps(nodes, [minimap]), ...outside(nodes, frame)];
    })
    .toEqual([]);
});

/**
 * Twelve agents, no positions: a triage agent, seven specialists that can hand back to it, and
 * four back-office agents behind some of them (one of which hands back to its specialist).
 */
function twelveAgents(): string {
  const specialists = ['billing', 'refunds', 'orders', 'returns', 'shipping', 'accounts', 'tech'];
  const backOffice = [
    ['refunds', 'approvals'],
    ['billing', 'collections'],
    ['accounts', 'security'],
    ['orders', 'warehouse'],
  ] as const;
  const agents = [
    { name: 'triage', description: 'Routes every request' },
    ...specialists.map((name) => ({ name, description: `Handles ${name}` })),
    ...backOffice.map(([, name]) => ({ name, description: `The ${name} desk` })),
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
    ...backOffice.map(([from, name]) => ({
      source: from,
      target: name,
      description: `Needs the ${name} desk.`,
    })),
    { source: 'approvals', target: 'refunds', description: 'Approved: tell the customer.' },
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

  // Laid out (one undo step, named so), then fitted: every agent and label in view, apart.
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
    'title',
    /Lay out the workflow/,
  );
  // (Zoomed out below 45 % the canvas hides labels by design; where shown, they are checked.)
  await expect.poll(() => viewProblems(page)).toEqual([]);
  // In layers: triage, then its specialists, then the back office behind them.
  const x = async (name: string) => (await canvas.position(name)).x;
  expect(await x('refunds')).toBeGreaterThan(await x('triage'));
  expect(await x('approvals')).toBeGreaterThan(await x('refunds'));
  expect(await x('warehouse')).toBeGreaterThan(await x('orders'));
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
