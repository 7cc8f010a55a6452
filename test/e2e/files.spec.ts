import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { dropFile } from './support/dropFile';
import { expectUsable } from './support/usable';

const example = (file: string) => readFileSync(`public/examples/${file}`, 'utf8');

/** A document with several problems at different paths. */
const BROKEN = JSON.stringify(
  {
    format: 'handoff-workflow',
    version: 1,
    name: 'broken',
    startAgent: 'a',
    colour: 'blue',
    agents: [{ name: 'a' }, { name: 'b', tools: 'all' }],
    handoffs: [{ source: 3, target: 'b' }],
  },
  null,
  2,
);

async function pickFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('dialog', { name: 'Import a workflow' })
    .getByRole('button', { name: 'Choose a file…' })
    .click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('an invalid file lists every problem with its path, and the work stays', async ({
  page,
  canvas,
}) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await library.menu('Import…');
  await pickFile(page, 'broken.json', BROKEN);

  const dialog = page.getByRole('dialog', { name: 'Import a workflow' });
  await expect(dialog).toContainText('From broken.json');
  const problems = dialog.getByRole('alert', { name: 'Import problems' });
  await expect(problems).toContainText('This cannot be imported: 3 problems.');
  for (const path of ['colour', 'agents[1].tools', 'handoffs[0].source']) {
    await expect(
      problems.locator('li', { has: page.locator(`code:text-is("${path}")`) }),
    ).toHaveCount(1);
  }
  await expect(dialog.getByRole('button', { name: 'Import as a new workflow' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Replace the open workflow' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await expect(dialog).toBeHidden();
  await expect(canvas.nodes).toHaveCount(4);
  await expect(library.openName()).toHaveText('customer_support');
  await library.open();
  expect(await library.names()).toEqual(['customer_support']);
});

test('invalid JSON typed into the import dialog says the line and column', async ({ page }) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await library.menu('Import…');
  const dialog = page.getByRole('dialog', { name: 'Import a workflow' });
  await expectUsable(dialog, 'import dialog');
  const text = dialog.getByLabel('Workflow JSON');
  await text.click();
  // A bare word where a value belongs: Chromium's JSON.parse gives no position for it.
  await page.keyboard.type('{\n  "format": "handoff-workflow",\n  "name": nope\n}');
  const problems = dialog.getByRole('alert', { name: 'Import problems' });
  await expect(problems).toContainText(
    'This is not valid JSON: line 3, column 11: unexpected word "nope"',
  );
  // Cut short: the end of the text, where the closing bracket is missing.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('{\n  "agents": [\n    { "name": "a" },\n');
  await expect(problems).toContainText(
    'This is not valid JSON: line 4, column 1: the text ends too early: "]" is missing.',
  );
  await expect(dialog.getByRole('button', { name: 'Import as a new workflow' })).toBeDisabled();
});

test('a file dropped on the canvas replaces the open workflow as one undo step', async ({
  page,
  canvas,
}) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await dropFile(page, 'tutors.json', example('homework_tutors.json'), {
    whileOver: () =>
      expect(page.getByText('Drop a workflow .json file to import it')).toBeVisible(),
  });
  const dialog = page.getByRole('dialog', { name: 'Import a workflow' });
  await expect(dialog).toContainText('From tutors.json');
  await expect(dialog.getByRole('status')).toContainText('homework_tutors · 3 agents');
  await dialog.getByRole('button', { name: 'Replace the open workflow' }).click();
  await expect(canvas.nodes).toHaveCount(3);
  await expect(library.openName()).toHaveText('homework_tutors');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(canvas.nodes).toHaveCount(4);
  await expect(library.openName()).toHaveText('customer_support');
});

test('pasted JSON is imported as a new workflow', async ({ page, canvas }) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await library.menu('Import…');
  const dialog = page.getByRole('dialog', { name: 'Import a workflow' });
  const pasted = example('content_pipeline.json').replace(
    '"name": "content_pipeline"',
    '"name": "<b>pasted</b> pipeline"',
  );
  await dialog.getByLabel('Workflow JSON').fill(pasted);
  await expect(dialog.getByRole('status')).toContainText('<b>pasted</b> pipeline · 3 agents');
  await dialog.getByRole('button', { name: 'Import as a new workflow' }).click();
  await expect(dialog).toBeHidden();
  await expect(canvas.nodes).toHaveCount(3);
  // names are text, never markup
  await expect(library.openName()).toHaveText('<b>pasted</b> pipeline');
  await library.open();
  expect(await library.names()).toEqual(['<b>pasted</b> pipeline', 'customer_support']);
});

test('export JSON, import it again: the same document', async ({ page, canvas }) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await canvas.rename('refund_agent', 'refunds');

  await library.menu(/^Export/);
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Download customer_support.json' }).click();
  const file = await download;
  const exported = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  expect(exported).toContain('"name": "refunds"');
  await exportDialog.getByRole('button', { name: 'Close' }).first().click();

  await library.menu('Import…');
  await pickFile(page, file.suggestedFilename(), exported);
  const importDialog = page.getByRole('dialog', { name: 'Import a workflow' });
  await expect(importDialog.getByRole('status')).toContainText('customer_support · 4 agents');
  await importDialog.getByRole('button', { name: 'Import as a new workflow' }).click();
  await expect(importDialog).toBeHidden();
  await expect(canvas.node('refunds')).toBeVisible();

  await library.menu(/^Export/);
  await expect(exportDialog.getByRole('tabpanel')).toHaveText(exported.replace(/\n$/, ''), {
    useInnerText: true,
  });
});

test('a downloaded file names its schema by a URL that resolves, and imports again', async ({
  page,
  canvas,
}) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await expect(canvas.nodes).toHaveCount(4);
  const download = page.waitForEvent('download');
  await library.menu('Download JSON');
  const file = await download;
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  const { $schema } = JSON.parse(text) as { $schema: string };
  // Absolute, and served: an editor opening the file from the downloads folder finds it.
  expect($schema).toMatch(/^https?:\/\/[^/]+\/schema\/workflow\.v1\.json$/);
  const schema = await page.request.get($schema);
  expect(schema.status()).toBe(200);
  expect(await schema.json()).toMatchObject({
    title: 'Handoff Studio workflow (format version 1)',
  });

  await library.menu('Import…');
  await pickFile(page, file.suggestedFilename(), text);
  const dialog = page.getByRole('dialog', { name: 'Import a workflow' });
  await expect(dialog.getByRole('status')).toContainText('customer_support · 4 agents');
});

test('export as Mermaid, Python and .NET, copied to the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await library.menu(/^Export/);
  const dialog = page.getByRole('dialog', { name: 'Export' });
  for (const [tab, expected] of [
    ['Mermaid', 'flowchart'],
    ['Python', 'HandoffBuilder'],
    ['.NET', 'using'],
  ] as const) {
    await dialog.getByRole('tab', { name: tab }).click();
    await expect(dialog.getByRole('tabpanel')).toContainText(expected);
    await dialog.getByRole('button', { name: `Copy ${tab}` }).click();
    await expect(page.getByText(`Copied the ${tab} export.`)).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(expected);
    expect(copied).not.toMatch(/sk-[A-Za-z0-9]{10,}/);
  }
});
