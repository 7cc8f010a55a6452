import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { expectUsable } from './support/usable';

test('export as Agents SDK TypeScript: the tab, the module, the download', async ({ page }) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await library.menu(/^Export/);
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const tab = dialog.getByRole('tab', { name: 'Agents SDK (TS)' });
  await expectUsable(tab, 'Agents SDK (TS)');
  await tab.click();
  await expect(dialog.getByRole('tabpanel')).toContainText('export function buildAgents(');
  await expect(dialog.locator('.export-dialog__hint')).toContainText('@openai/agents 0.14.3');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download customer_support.agents.ts' }).click();
  const file = await download;
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  // The app's customer-support example exports exactly as the CLI does (the golden file).
  expect(text).toBe(readFileSync('test/fixtures/golden/customer_support.agents.ts', 'utf8'));
});
