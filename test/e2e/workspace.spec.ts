/**
 * The workspace as a person sees it: menus inside the window and on top, room for the
 * inspector while a run is open, a toolbar that fits, a minimap that covers no node.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { CanvasPage } from './pages/CanvasPage';
import type { InspectorPage } from './pages/InspectorPage';
import { LibraryPage } from './pages/LibraryPage';
import { expectAllUsable, expectUsable } from './support/usable';

const EXAMPLE_FILES = [
  'customer_support.json',
  'ecommerce_returns.json',
  'content_pipeline.json',
  'homework_tutors.json',
];

test('the workflow menu shows every item, on top, and its last items can be clicked @flow', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const library = new LibraryPage(page);
  await library.menuButton.click();
  const menu = page.getByRole('menu', { name: 'Workflow' });
  await expectUsable(menu, 'workflow menu');
  await expectAllUsable(menu.getByRole('menuitem'), 'menu item');
  await menu.getByRole('menuitem', { name: /^Export/ }).click();
  const dialog = page.getByRole('dialog', { name: /Export/ });
  await expectUsable(dialog, 'export dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // the keyboard walks the menu too, and Escape gives the focus back to the button
  await library.menuButton.click();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Download JSON' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(library.menuButton).toBeFocused();
});

test('the workflow menu stays in a short window and scrolls', async ({ page, canvas }) => {
  await page.setViewportSize({ width: 1024, height: 400 });
  await canvas.open('customer_support.json');
  await new LibraryPage(page).menuButton.click();
  const menu = page.getByRole('menu', { name: 'Workflow' });
  await expectUsable(menu, 'workflow menu');
  const last = menu.getByRole('menuitem', { name: 'Download JSON' });
  await last.scrollIntoViewIfNeeded();
  await expectUsable(last, 'Download JSON');
});

/** Fails with the names of the nodes the minimap covers (by their on-screen boxes). */
async function expectMinimapCoversNoNode(page: Page): Promise<void> {
  const covered = await page.evaluate(() => {
    const map = document.querySelector('.react-flow__minimap')?.getBoundingClientRect();
    if (!map || map.width === 0) return [];
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((node) => {
        const r = node.getBoundingClientRect();
        return r.right > map.left && r.left < map.right && r.bottom > map.top && r.top < map.bottom;
      })
      .map((node) => node.dataset.id ?? '?');
  });
  expect(covered, 'nodes under the minimap').toEqual([]);
}

async function expectToolbarFits(page: Page): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Main toolbar' });
  const { scroll, client } = await toolbar.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
  }));
  expect(scroll, 'the toolbar does not overflow').toBeLessThanOrEqual(client);
}

/** Opens the Run panel from the toolbar and selects an agent: the inspector keeps its room. */
async function expectRoomToDesignAndRun(
  page: Page,
  canvas: CanvasPage,
  inspector: InspectorPage,
): Promise<void> {
  await canvas.open('customer_support.json');
  await canvas.stableBox(canvas.nodes.last());
  await expectMinimapCoversNoNode(page);
  await expectToolbarFits(page);
  await page.getByRole('button', { name: 'Run this workflow' }).click();
  const panel = page.getByRole('region', { name: 'Run panel' });
  await expect(panel.getByLabel('Opening message')).toBeFocused();
  // (a small canvas is fitted far out, where nodes show no description: click the node)
  await canvas.node('refund_agent').click();
  await expect(inspector.section('Agent refund_agent')).toBeVisible();
  const inspectorBox = await canvas.box(inspector.root);
  expect(inspectorBox.height, 'the inspector keeps its height').toBeGreaterThanOrEqual(400);
  const runBox = await canvas.box(panel);
  expect(runBox.height, 'the run panel has a full column').toBeGreaterThanOrEqual(400);
  const canvasBox = await canvas.box(page.getByLabel('Canvas area'));
  expect(canvasBox.width, 'the canvas keeps room').toBeGreaterThanOrEqual(240);
  // the narrower canvas is fitted again: every agent is in sight
  await expect
    .poll(async () => {
      const boxes = await canvas.nodes.evaluateAll((els) =>
        els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect),
      );
      return boxes.filter(
        (b) =>
          b.left < canvasBox.x - 1 ||
          b.right > canvasBox.x + canvasBox.width + 1 ||
          b.top < canvasBox.y - 1 ||
          b.bottom > canvasBox.y + canvasBox.height + 1,
      ).length;
    }, 'agents outside the canvas')
    .toBe(0);
  await expectToolbarFits(page);
}

test('room to design and run: inspector height, toolbar, minimap @flow', async ({
  page,
  canvas,
  inspector,
}) => {
  await expectRoomToDesignAndRun(page, canvas, inspector);
});

test('room to design and run at 1024×768', async ({ page, canvas, inspector }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await expectRoomToDesignAndRun(page, canvas, inspector);
});

test('the minimap covers no node of any example at 1280×720', async ({ page, canvas }) => {
  for (const example of EXAMPLE_FILES) {
    await canvas.open(example);
    await canvas.stableBox(canvas.nodes.last());
    await expectMinimapCoversNoNode(page);
  }
});

test('the panes resize with their splitters, by keyboard and pointer, and keep their size', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.open('customer_support.json');
  await page.getByRole('button', { name: 'Run this workflow' }).click();
  const panel = page.getByRole('region', { name: 'Run panel' });
  const splitter = page.getByRole('separator', { name: 'Resize the Run panel' });
  await expect(panel.getByLabel('Opening message')).toBeFocused();
  const before = (await canvas.box(panel)).width;
  await splitter.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => (await canvas.box(panel)).width).toBeCloseTo(before + 80, 0);
  await expect(splitter).toHaveAttribute('aria-valuenow', `${Math.round(before + 80)}`);

  // the inspector's splitter, with the pointer: drag it 100 px to the left
  const sidebarSplitter = page.getByRole('separator', { name: 'Resize the inspector' });
  const inspectorWidth = (await canvas.box(inspector.root)).width;
  const s = await canvas.box(sidebarSplitter);
  await page.mouse.move(s.x + s.width / 2, s.y + 200);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width / 2 - 100, s.y + 200, { steps: 8 });
  await page.mouse.up();
  await expect
    .poll(async () => (await canvas.box(inspector.root)).width)
    .toBeCloseTo(inspectorWidth + 100, 0);

  await page.reload();
  await expect(canvas.nodes.first()).toBeVisible();
  await expect(page.getByRole('separator', { name: 'Resize the Run panel' })).toHaveAttribute(
    'aria-valuenow',
    `${Math.round(before + 80)}`,
  );
  expect((await canvas.box(inspector.root)).width).toBeCloseTo(inspectorWidth + 100, 0);
});

test('text boxes show whole lines: no slice of a line under the last one', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  await canvas.select('triage_agent');
  const boxes = page.getByRole('complementary', { name: 'Inspector' }).locator('textarea');
  expect(await boxes.count()).toBeGreaterThan(1);
  const cut = await boxes.evaluateAll((els) =>
    els.flatMap((el) => {
      const style = getComputedStyle(el);
      const line = parseFloat(style.lineHeight);
      const halfLeading = (line - parseFloat(style.fontSize)) / 2;
      const bottom = parseFloat(style.paddingBottom);
      const inner = el.clientHeight - parseFloat(style.paddingTop) - bottom;
      // the padding under the last line shows the next line's top when it overflows
      return bottom > halfLeading + 0.5 || Math.abs(inner / line - Math.round(inner / line)) > 0.05
        ? [`${el.id}: padding ${bottom}px, ${(inner / line).toFixed(2)} lines`]
        : [];
    }),
  );
  expect(cut).toEqual([]);
});

test('every dialog and popover opens inside the window and on top @flow', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const library = new LibraryPage(page);
  const menu = page.getByRole('menu', { name: 'Workflow' });
  const choose = async (item: string | RegExp) => {
    await library.menuButton.click();
    await expectUsable(menu, 'workflow menu');
    await menu.getByRole('menuitem', { name: item }).click();
  };

  await choose('Open a workflow…');
  await expectUsable(library.dialog, 'library dialog');
  const gallery = library.dialog.getByRole('list', { name: 'Examples' });
  await gallery.scrollIntoViewIfNeeded();
  await expectAllUsable(gallery.getByRole('button'), 'example card');
  await page.keyboard.press('Escape');
  await expect(library.dialog).toBeHidden();

  await choose('Import…');
  const importDialog = page.getByRole('dialog', { name: 'Import a workflow' });
  await expectUsable(importDialog, 'import dialog');
  await page.keyboard.press('Escape');
  await expect(importDialog).toBeHidden();

  await choose(/^Export/);
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await expectUsable(exportDialog, 'export dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expectUsable(sheet, 'shortcut sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await page.getByRole('button', { name: 'Run this workflow' }).click();
  const panel = page.getByRole('region', { name: 'Run panel' });
  await panel.getByText('Provider:').click();
  const provider = panel.locator('.provider');
  await expect(provider).toHaveAttribute('open', '');
  await provider.scrollIntoViewIfNeeded();
  await expectUsable(provider.locator('summary'), 'provider settings');
  await expectUsable(panel.getByLabel('Streaming pace'), 'streaming pace');
});
