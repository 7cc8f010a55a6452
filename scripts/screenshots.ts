/**
 * Screenshots of the main states of the built app at three screen sizes, to look at after a UI
 * change (and for the README): `npm run screenshots` → docs/screenshots/<state>-<w>x<h>.png.
 * States: the designer with an example, the workflow menu open, the workflow's settings, the
 * JSON view, a simulator run
 * waiting for an approval (the trace on the canvas) and the same run finished, the Tests panel
 * after a suite on the simulator, the canvas test view with a routing table, and an Agent
 * Framework trace imported and stepped to its handoff.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startPreview } from '../bench/previewServer';
import { chromiumLaunchOptions } from '../playwright.config';

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 4398);
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const OUT = 'docs/screenshots';
const AF_TRACE = 'test/fixtures/traces/af/customer_support.otlp.json';

async function settle(page: Page, ms = 400): Promise<void> {
  await page.waitForTimeout(ms);
}

async function shoot(browser: Browser, url: string, size: (typeof SIZES)[number]): Promise<void> {
  const context = await browser.newContext({ viewport: size, colorScheme: 'light' });
  const page = await context.newPage();
  const save = async (state: string) => {
    const path = `${OUT}/${state}-${size.width}x${size.height}.png`;
    await page.screenshot({ path });
    console.log(path);
  };
  await page.goto(`${url}/?example=customer_support.json`);
  await page.locator('.react-flow__node').first().waitFor();
  await settle(page, 800);
  await page.locator('.agent-node[data-agent="refund_agent"] .agent-node__description').click();
  await settle(page);
  await save('designer');

  await page.getByRole('button', { name: /^Workflow menu/ }).click();
  await page.getByRole('menu', { name: 'Workflow' }).waitFor();
  await settle(page, 200);
  await save('workflow-menu');
  await page.keyboard.press('Escape');

  // the workflow's settings (nothing selected), down to the loop guard's fields
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.getByLabel('Max model calls per turn', { exact: true }).scrollIntoViewIfNeeded();
  await settle(page);
  await save('workflow-settings');

  await page.getByRole('button', { name: '{ } JSON' }).click();
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 });
  await settle(page, 800);
  await save('json-view');
  await page.getByRole('button', { name: 'Close the JSON view' }).click();

  await page.getByRole('button', { name: 'Run this workflow' }).click();
  const panel = page.getByRole('region', { name: 'Run panel' });
  await panel.getByLabel('Opening message').waitFor();
  await panel.getByLabel('Opening message').focus();
  await page.keyboard.type('I want a refund for order 123');
  await panel.getByRole('button', { name: 'Start' }).click();
  const approval = panel.getByRole('region', { name: 'Approve process_refund' });
  await approval.waitFor({ timeout: 20_000 });
  await settle(page, 800);
  await save('run-waiting');

  await approval.getByRole('button', { name: 'Approve' }).click();
  const reply = panel.getByRole('form', { name: /^Reply to / });
  await reply.waitFor({ timeout: 20_000 });
  await reply.getByRole('textbox').focus();
  await page.keyboard.type('Thanks, goodbye');
  await reply.getByRole('button', { name: 'Send' }).click();
  await panel
    .locator('.run-header .run-state', { hasText: 'completed' })
    .waitFor({ timeout: 20_000 });
  await page.locator('.react-flow__controls-fitview').click();
  await page.locator('.agent-node[data-agent="refund_agent"] .agent-node__description').click();
  await settle(page, 800);
  await save('run-finished');

  // The example's routing tests, run on the simulator (instant replies), then the canvas view.
  await panel.getByText('Provider:').click();
  await panel.getByLabel('Streaming pace').selectOption({ label: 'Instant' });
  const tests = page.getByRole('region', { name: 'Tests panel' });
  await tests.getByRole('button', { name: 'Tests' }).click();
  await tests.getByRole('button', { name: '▶ Run suite' }).click();
  await tests
    .getByRole('status')
    .filter({ hasText: /cases? passed/ })
    .waitFor({ timeout: 30_000 });
  await settle(page, 600);
  await save('tests-panel');
  await tests.getByRole('button', { name: 'Canvas test view' }).click();
  await page.locator('.react-flow__controls-fitview').click();
  await page.locator('.agent-node[data-agent="triage_agent"] .agent-node__description').click();
  await page
    .getByRole('region', { name: 'Routing table of triage_agent' })
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await settle(page, 800);
  await save('test-view');

  // A run recorded by Agent Framework (its OpenTelemetry trace, made by the real framework:
  // test/support/afTrace.ts), opened as a new workflow and stepped to its handoff.
  await page.goto(`${url}/?example=customer_support.json`);
  await page.locator('.react-flow__node').first().waitFor();
  const run = page.getByRole('region', { name: 'Run panel' });
  const toggle = run.getByRole('button', { name: 'Run', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await run.getByLabel('Trace file to import').setInputFiles(AF_TRACE);
  await page
    .getByRole('dialog', { name: 'Import a trace' })
    .getByRole('button', { name: 'Open as a new workflow' })
    .click();
  await run.getByRole('slider', { name: 'Event' }).fill('9');
  await page.locator('.react-flow__controls-fitview').click();
  await settle(page, 800);
  await save('af-trace');
  await context.close();
}

mkdirSync(OUT, { recursive: true });
const server = await startPreview(PORT);
try {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    for (const size of SIZES) await shoot(browser, server.url, size);
  } finally {
    await browser.close();
  }
} finally {
  server.stop();
}
