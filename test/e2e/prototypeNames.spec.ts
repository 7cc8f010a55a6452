/**
 * Agents named like members of Object.prototype (issue 13, item 8) in the app, end to end: a
 * document with agents `constructor`, `toString`, `valueOf` and `hasOwnProperty` is imported,
 * drawn, run on the simulator, and traced on the canvas, in the chat and in the inspector, like
 * any other names. (The engine, script and trace layers: test/unit/scenarios/prototypeNames.)
 */
import { LibraryPage } from './pages/LibraryPage';
import { RunPanelPage } from './pages/RunPanelPage';
import { expect, test } from './fixtures';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;
const WORDS = {
  toString: 'billing invoices',
  valueOf: 'shipping parcels',
  hasOwnProperty: 'refunds returns',
};

const DOCUMENT = {
  format: 'handoff-workflow',
  version: 1,
  name: 'prototype_names',
  startAgent: 'constructor',
  agents: NAMES.map((name) => ({
    name,
    description: name === 'constructor' ? 'Front desk.' : `Handles ${WORDS[name]}.`,
    instructions: `You are ${name}.`,
  })),
  handoffs: [
    { source: 'constructor', target: 'toString', description: 'Billing invoices' },
    { source: 'toString', target: 'valueOf', description: 'Shipping parcels' },
    { source: 'valueOf', target: 'hasOwnProperty', description: 'Refunds returns' },
  ],
  tools: [],
};

test('agents named constructor, toString, valueOf, hasOwnProperty are imported, drawn, run and traced', async ({
  page,
  canvas,
}) => {
  await page.goto('/');
  await expect(canvas.nodes).toHaveCount(4);
  const library = new LibraryPage(page);
  await library.menu('Import…');
  const dialog = page.getByRole('dialog', { name: 'Import a workflow' });
  await dialog.getByLabel('Workflow JSON').fill(JSON.stringify(DOCUMENT, null, 2));
  await expect(dialog.getByRole('status')).toContainText('prototype_names · 4 agents');
  await dialog.getByRole('button', { name: 'Import as a new workflow' }).click();
  await expect(library.openName()).toHaveText('prototype_names');

  const node = (name: string) => page.locator(`.react-flow__node [data-agent="${name}"]`);
  for (const name of NAMES) await expect(node(name)).toContainText(name);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  // No problem is reported for these names (they are valid).
  await expect(page.getByRole('button', { name: /problem/i })).toHaveCount(0);

  const run = new RunPanelPage(page);
  await run.unfold();
  await run.start('I have a question about billing invoices');
  await expect(run.replyForm()).toHaveAccessibleName('Reply to toString');
  await run.reply('now about shipping parcels');
  await expect(run.replyForm()).toHaveAccessibleName('Reply to valueOf');
  await run.reply('and refunds returns too');
  await expect(run.replyForm()).toHaveAccessibleName('Reply to hasOwnProperty');

  // The chat: each handoff, and the replies of each agent.
  for (const [from, to] of [
    ['constructor', 'toString'],
    ['toString', 'valueOf'],
    ['valueOf', 'hasOwnProperty'],
  ]) {
    await expect(
      run.chat.getByRole('separator', { name: `Handoff from ${from} to ${to}` }),
    ).toHaveCount(1);
  }
  // An agent that hands off says so in a message of its own; the last one only answers.
  const messages = { constructor: 1, toString: 2, valueOf: 2, hasOwnProperty: 1 };
  for (const name of NAMES) await expect(run.message(name)).toHaveCount(messages[name]);

  // The canvas: each agent visited once, each edge taken once, hasOwnProperty holds control.
  for (const name of NAMES.slice(0, 3)) {
    await expect(node(name)).toHaveClass(/agent-node--visited/);
    await expect(node(name)).toContainText('visited ×1');
  }
  await expect(node('hasOwnProperty')).toHaveClass(/agent-node--active/);
  await expect(page.locator('.edge-label__count')).toHaveCount(3);
  for (const label of ['Billing invoices', 'Shipping parcels', 'Refunds returns']) {
    await expect(
      page.locator('.edge-label', { hasText: label }).locator('.edge-label__count'),
    ).toHaveText('×1');
  }

  // The inspector: an agent's turns in this run.
  await page.getByLabel('Follow active agent').uncheck();
  await page.locator('.react-flow__controls-fitview').click();
  await canvas.stableBox(node('valueOf'));
  await node('valueOf').locator('.agent-node__name').click();
  const turns = page.getByRole('region', { name: 'Turns in this run' });
  await expect(turns).toContainText('handoff_to_hasOwnProperty');

  await run.press(run.replyForm().getByRole('button', { name: 'End', exact: true }), 'End');
  await expect(run.state()).toHaveText('completed');
});
