/**
 * Takes README screenshots of the built app in headless Chromium:
 * `npx vite build && npx tsx scripts/screenshot.ts` → docs/*.png
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.config';

const PORT = 4399;
const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', `${PORT}`, '--strictPort'],
  {
    stdio: 'ignore',
  },
);
try {
  await new Promise((r) => setTimeout(r, 1500));
  const browser = await chromium.launch(chromiumLaunchOptions);
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 800 },
      colorScheme: scheme,
    });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `docs/screenshot-${scheme}.png` });
    await page.close();
  }
  await browser.close();
} finally {
  server.kill();
}
