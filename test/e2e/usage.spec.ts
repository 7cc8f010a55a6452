/**
 * Cost and time per model call, as a person sees them: a compact "time · tokens" line under each
 * agent reply in the chat (live, as each call returns), the run's total in the run header, and
 * the agent's total with each call in the inspector's run trace. On the simulator the counts
 * are estimates, shown with a "~"; the figures must add up.
 */
import type { Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { expectUsable } from './support/usable';

/** "840 ms · ~312 tok" → { ms: 840, tokens: 312 }; "1.2 s" is 1200 ms, give or take 50. */
function parse(text: string): { ms: number; tokens: number; estimated: boolean } {
  const match = /^(?:(\d+) calls? · )?(\d+(?:\.\d)?) (ms|s) · (~?)([\d,]+) tok$/.exec(text.trim());
  if (!match) throw new Error(`not a usage line: "${text}"`);
  const value = Number(match[2]);
  return {
    ms: match[3] === 'ms' ? value : value * 1000,
    tokens: Number(match[5]!.replace(/,/g, '')),
    estimated: match[4] === '~',
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function usageLines(scope: Locator) {
  return (await scope.allTextContents()).map(parse);
}

test('cost and time per call: each reply shows its figures live, and they add up per agent and per run @flow', async ({
  page,
  canvas,
}) => {
  await canvas.open('customer_support.json');
  const panel = page.getByRole('region', { name: 'Run panel' });
  const toggle = panel.getByRole('button', { name: 'Run', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await panel.getByLabel('Opening message').click();
  await page.keyboard.type('I want a refund for order 123');
  await panel.getByRole('button', { name: 'Start' }).click();

  const chat = panel.getByRole('list', { name: 'Chat' });
  const header = panel.locator('.run-header__usage');
  // Live: while the run waits for the approval, the two calls so far show their figures.
  const approval = panel.getByRole('region', { name: 'Approve process_refund' });
  await expect(approval).toBeVisible();
  const triage = chat.getByRole('listitem', { name: 'Message from triage_agent' });
  await expect(triage.locator('.chat__usage')).toHaveText(/^\d+(\.\d)? m?s · ~\d+ tok$/);
  await expect(header).toHaveText(/^2 calls · /);
  // The figures never push the agent's name or Stop out of the header.
  await expectUsable(panel.locator('.run-header').getByRole('button', { name: 'Stop' }), 'Stop');
  await expect(panel.locator('.run-header__agent')).toHaveText('refund_agent');
  const agentBox = await panel.locator('.run-header__agent').boundingBox();
  expect(agentBox?.width ?? 0).toBeGreaterThan(40);
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(chat.getByRole('listitem', { name: 'Message from refund_agent' })).toContainText(
    'Refund processed for order 123.',
  );
  await expect(header).toHaveText(/^3 calls · /);

  // The chat: one line per model call (triage's reply, refund's tool call, refund's reply).
  const calls = await usageLines(chat.locator('.chat__usage'));
  expect(calls).toHaveLength(3);
  expect(calls.every((c) => c.estimated && c.tokens > 0)).toBe(true);
  const total = parse((await header.textContent()) ?? '');
  expect(total.estimated).toBe(true);
  expect(total.tokens).toBe(sum(calls.map((c) => c.tokens)));
  expect(Math.abs(total.ms - sum(calls.map((c) => c.ms)))).toBeLessThanOrEqual(50 * 4);

  // The inspector: refund_agent's calls and its total, the same figures as in the chat.
  await canvas.node('refund_agent').click();
  const turns = page.getByRole('region', { name: 'Turns in this run' });
  await expect(turns).toBeVisible();
  const own = await usageLines(turns.locator('.run-trace__call-usage'));
  expect(own).toHaveLength(2);
  const agentTotal = parse(
    ((await turns.locator('.run-trace__usage').textContent()) ?? '').replace(/^Total: /, ''),
  );
  expect(agentTotal.tokens).toBe(sum(own.map((c) => c.tokens)));
  expect(own.map((c) => c.tokens)).toEqual(calls.slice(1).map((c) => c.tokens));

  // The canvas follows the active agent; fit the view to reach triage_agent again.
  await page.locator('.react-flow__controls-fitview').click();
  await canvas.node('triage_agent').click();
  await expect(turns.locator('.run-trace__usage')).toContainText(
    `1 call · ${(await triage.locator('.chat__usage').textContent())?.trim()}`,
  );
  await page.screenshot({ path: 'test-results/usage.png' });
  // The figures are small and muted, yet readable (WCAG AA contrast).
  const scan = await new AxeBuilder({ page })
    .include('.chat__usage')
    .include('.run-header__usage')
    .include('.run-trace__usage')
    .withTags(['wcag2a', 'wcag2aa'])
    .analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
    [],
  );
});
