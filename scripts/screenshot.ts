/**
 * Takes README screenshots of the built app in headless Chromium:
 * `npx vite build && npx tsx scripts/screenshot.ts` → docs/*.png
 * - docs/screenshot-light.png, docs/screenshot-dark.png: the designer with an agent selected;
 * - docs/designer-*.png: the main states (edge and tool preview, a problem on the canvas, handoffs back to
 *   triage, the shortcut sheet), to look at after UI changes;
 * - docs/large-graph.png: the 500-agent bench graph zoomed out (edges drawn as a sketch).
 */
import { chromium, type Page } from '@playwright/test';
import { benchDocument } from '../bench/designer';
import { startPreview } from '../bench/previewServer';
import { chromiumLaunchOptions } from '../playwright.config';

const PORT = 4399;
const server = await startPreview(PORT);

async function open(page: Page, example: string): Promise<void> {
  await page.goto(`${server.url}/?example=${example}`);
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(500);
}

const click = (page: Page, name: string) =>
  page.locator(`.react-flow__node[data-id="${name}"] .agent-node__description`).click();

try {
  const browser = await chromium.launch(chromiumLaunchOptions);
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 820 },
      colorScheme: scheme,
    });
    await open(page, 'customer_support.json');
    await click(page, 'refund_agent');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshot-${scheme}.png` });
    await page.close();
  }
  const page = await browser.newPage({
    viewport: { width: 1440, height: 820 },
    colorScheme: 'light',
  });
  await open(page, 'customer_support.json');
  await page.locator('.edge-label').first().click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: 'docs/designer-edge.png' });

  await click(page, 'triage_agent');
  await page.getByRole('button', { name: 'New tool' }).click();
  const name = page
    .getByRole('complementary', { name: 'Inspector' })
    .getByLabel('Name', { exact: true });
  await name.fill('handoff_to_refund_agent');
  await name.press('Enter');
  await page.waitForTimeout(200);
  await page.screenshot({ path: 'docs/designer-problem.png' });

  await open(page, 'homework_tutors.json');
  await page.screenshot({ path: 'docs/designer-back-edges.png' });
  await page.keyboard.press('?');
  await page.waitForTimeout(200);
  await page.screenshot({ path: 'docs/designer-shortcuts.png' });

  const large = await browser.newPage({ viewport: { width: 1440, height: 820 } });
  const text = benchDocument();
  await large.route('**/examples/bench-500.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: text }),
  );
  await open(large, 'bench-500.json');
  await large.locator('.react-flow__node[data-id="agent_212"]').click();
  await large.waitForTimeout(300);
  await large.screenshot({ path: 'docs/large-graph.png' });
  await browser.close();
} finally {
  server.stop();
}
