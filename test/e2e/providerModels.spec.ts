/**
 * Models from the provider, as a person meets them: once the Run panel is connected to an
 * OpenAI-compatible server (the local test server, with CORS), the model fields offer the
 * models it lists (free text still allowed), and a workflow naming a model the server does not
 * serve gets a warning in the Run panel before Start — not a validation error.
 */
import type { Locator, Page } from '@playwright/test';
import { startOpenAIServer } from '../support/openaiServer';
import { expect, test } from './fixtures';
import { expectUsable } from './support/usable';

/** Replaces a field's text with the keyboard, as a person does. */
async function retype(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
}

/** The suggestions a field offers: the options of its datalist. */
async function suggestions(field: Locator): Promise<string[]> {
  const list = await field.getAttribute('list');
  if (!list) return [];
  return field
    .page()
    .locator(`datalist[id="${list}"] option`)
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
}

test('model fields offer the endpoint models; a model it does not serve is warned about before Start @flow', async ({
  page,
  canvas,
  inspector,
}) => {
  const server = await startOpenAIServer({ models: ['gpt-test', 'gpt-5.4-mini'] });
  try {
    await canvas.open('customer_support.json');
    const panel = page.getByRole('region', { name: 'Run panel' });
    const toggle = panel.getByRole('button', { name: 'Run', exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await panel.getByText('Provider:').click();
    const provider = panel.getByLabel('Provider', { exact: true });
    await expectUsable(provider, 'provider settings');
    await provider.selectOption({ label: 'OpenAI-compatible server' });
    await retype(page, panel.getByLabel('Base URL'), server.baseURL);

    // The provider's own Model field lists the server's models, sorted.
    const settingsModel = panel.getByLabel('Model', { exact: true });
    await expect(panel.getByText('2 models from the endpoint to pick from')).toBeVisible();
    expect(await suggestions(settingsModel)).toEqual(['gpt-5.4-mini', 'gpt-test']);
    // The example's default model is served: no warning.
    const warning = panel.getByRole('alert', { name: 'Models not served' });
    await expect(warning).toHaveCount(0);
    await panel.getByText('Provider:').click();

    // The workflow's default model field offers the same list…
    await canvas.pane.click({ position: { x: 5, y: 5 } });
    const defaultModel = inspector.field('Default model');
    await expect(defaultModel).toHaveValue('gpt-5.4-mini');
    expect(await suggestions(defaultModel)).toEqual(['gpt-5.4-mini', 'gpt-test']);
    // …and a name the server does not serve is accepted, with a warning before Start.
    await retype(page, defaultModel, 'gpt-4o-mini');
    await expect(defaultModel).toHaveValue('gpt-4o-mini');
    await expect(inspector.root.getByText('The connected endpoint does not list')).toBeVisible();
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('gpt-4o-mini');
    await expect(warning).toContainText('triage_agent');
    await expect(page.getByText('4 agents · 3 handoffs · valid')).toBeVisible();

    // The agent's model field offers the list too; naming a served model there clears the
    // warning for that agent only.
    await canvas.node('triage_agent').click();
    const agentModel = inspector.field('Model');
    expect(await suggestions(agentModel)).toEqual(['gpt-5.4-mini', 'gpt-test']);
    await retype(page, agentModel, 'gpt-test');
    await expect(warning).toContainText('refund_agent');
    await expect(warning).not.toContainText('triage_agent');

    // A served default model: the warning goes.
    await canvas.pane.click({ position: { x: 5, y: 5 } });
    await retype(page, inspector.field('Default model'), 'gpt-test');
    await expect(warning).toHaveCount(0);
    await page.screenshot({ path: 'test-results/provider-models.png' });
    expect(server.requests.some((r) => r.path === '/v1/models')).toBe(true);
  } finally {
    await server.close();
  }
});
