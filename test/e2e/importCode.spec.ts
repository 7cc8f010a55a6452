import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { expectNoSeriousViolationsIn } from './support/axeWithin';
import { dropFile } from './support/dropFile';
import { expectUsable } from './support/usable';

/** Typed line by line with the real keyboard (the paste box does not indent by itself). */
const TYPED = [
  'from agent_framework.orchestrations import HandoffBuilder',
  'triage = client.as_agent(name="triage", instructions="Route.")',
  'refund = client.as_agent(name="refund", description="Refunds.", instructions="Refund.")',
  'for n in names:',
  '    extra = client.as_agent(name=n, instructions="Help.")',
  'wf = HandoffBuilder(participants=[triage, refund]).with_start_agent(triage)' +
    '.add_handoff(triage, [refund], description="Money back.").build()',
].join('\n');

test('typed framework code shows its report by line and opens as a new workflow @flow', async ({
  page,
  canvas,
}) => {
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(request.url());
  });
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  expect(wasm, 'tree-sitter loads only when code is imported').toEqual([]);
  await library.menu('Import code…');

  const dialog = page.getByRole('dialog', { name: 'Import code' });
  await expectUsable(dialog, 'import code dialog');
  const open = dialog.getByRole('button', { name: 'Open as a new workflow' });
  await expect(open).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Code' }).click();
  await page.keyboard.type(TYPED);

  await expect(dialog.getByRole('status')).toContainText('2 agents · 1 handoffs · 0 tools');
  const report = dialog.getByRole('table', { name: 'Import report' });
  await expect(report.getByRole('row', { name: /Recognised 2 Agent "triage"/ })).toHaveCount(1);
  await expect(
    report.getByRole('row', { name: /Not understood 5 An agent is built in a loop/ }),
  ).toHaveCount(1);
  await expectNoSeriousViolationsIn(page, 'dialog.import-code-dialog', 'the import code dialog');
  // The runtime and the one grammar this language needs, nothing more.
  expect(wasm.map((url) => url.replace(/^.*\/|-[\w-]{8}\.wasm$/g, '')).sort()).toEqual([
    'tree-sitter-python',
    'web-tree-sitter',
  ]);

  // Keyboard only from the paste box: Cancel, then Open.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(library.openName()).toHaveText('imported_workflow');
  await expect(canvas.nodes).toHaveCount(2);
  await library.open();
  expect(await library.names()).toEqual(['imported_workflow', 'customer_support']);
});

test('a dropped .cs file opens in the code import with its language and name', async ({ page }) => {
  const library = new LibraryPage(page);
  await page.goto('/');
  await library.saved();
  await dropFile(
    page,
    'tutors.cs',
    readFileSync('test/fixtures/code/af_dotnet_sample_style.cs', 'utf8'),
    { type: 'text/plain' },
  );
  const dialog = page.getByRole('dialog', { name: 'Import code' });
  await expect(dialog).toContainText('From tutors.cs');
  await expect(dialog.getByRole('combobox', { name: 'Language' })).toHaveValue('csharp');
  await expect(dialog.getByRole('status')).toContainText(
    'tutors · Agent Framework (.NET) · 3 agents · 4 handoffs',
  );
  await expectUsable(dialog, 'import code dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(library.openName()).toHaveText('customer_support');
});
