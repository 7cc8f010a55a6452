/**
 * The Run panel against a local OpenAI-compatible server (test/support/openaiServer.ts on
 * 127.0.0.1, with CORS), called from the page through the openai SDK: Test connection says
 * what works and what to fix (bad key, unreachable server, no CORS); a run streams its text
 * into the chat as the server sends it; model output is rendered as text, never as HTML.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { reply, startOpenAIServer } from '../support/openaiServer';
import { expect, test } from './fixtures';

async function openPanel(page: Page): Promise<Locator> {
  await page.goto('/?example=customer_support.json');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const root = page.getByRole('region', { name: 'Run panel' });
  const toggle = root.getByRole('button', { name: 'Run', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return root;
}

async function useServer(root: Locator, baseURL: string, key: string): Promise<void> {
  await root.getByText('Provider:').click();
  await root
    .getByLabel('Provider', { exact: true })
    .selectOption({ label: 'OpenAI-compatible server' });
  await root.getByLabel('Base URL').fill(baseURL);
  await root.getByLabel('API key (optional)').fill(key);
  await root.getByLabel('Model').fill('gpt-test');
}

/** Drops the console errors a failed request logs in Chromium (they are what is tested). */
function dropNetworkErrors(errors: string[]): void {
  const expected =
    /ERR_CONNECTION_REFUSED|CORS policy|Failed to load resource|401 \(Unauthorized\)/;
  const rest = errors.filter((e) => !expected.test(e));
  errors.splice(0, errors.length, ...rest);
}

test('Test connection: connected, bad key, unreachable, no CORS', async ({
  page,
  consoleErrors,
}) => {
  const server = await startOpenAIServer({ apiKey: 'right-key' });
  const noCors: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
  });
  await new Promise<void>((resolve) => noCors.listen(0, '127.0.0.1', resolve));
  const noCorsURL = `http://127.0.0.1:${(noCors.address() as AddressInfo).port}/v1`;
  try {
    const root = await openPanel(page);
    await useServer(root, server.baseURL, 'right-key');
    const test = root.getByRole('button', { name: 'Test connection' });
    const status = root.getByRole('status');
    await test.click();
    await expect(status).toHaveText('Connected. 2 models: gpt-test, gpt-test-mini.');
    await expect(root.getByLabel('API key (optional)')).toHaveAttribute('type', 'password');

    await root.getByLabel('API key (optional)').fill('wrong-key');
    await test.click();
    await expect(status).toContainText('The API key was refused by 127.0.0.1');
    await expect(status).toContainText('HTTP 401');
    await expect(status).not.toContainText('wrong-key');

    await root.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
    await test.click();
    await expect(status).toContainText('Could not reach 127.0.0.1:9', { timeout: 20_000 });
    await expect(status).toContainText('CORS');

    await root.getByLabel('Base URL').fill(noCorsURL);
    await test.click();
    await expect(status).toContainText(`Could not reach 127.0.0.1:`, { timeout: 20_000 });
    await expect(status).toContainText('allow cross-origin requests (CORS)');
    await page.screenshot({ path: 'test-results/run-panel-provider.png' });
  } finally {
    dropNetworkErrors(consoleErrors);
    await server.close();
    noCors.close();
  }
});

test('a run streams from the local server into the chat, as text', async ({ page }) => {
  const words =
    'Hello from the **test server**. <img src=x onerror="window.__xss=1"> I stream word by word ' +
    'so that you can watch the text arrive in the chat panel.';
  const server = await startOpenAIServer({
    script: [
      reply('Routing you to refunds.', {
        toolCalls: [{ name: 'handoff_to_refund_agent', arguments: '{"reason":"money back"}' }],
      }),
      reply(words, { delayMs: 60 }),
    ],
  });
  try {
    const root = await openPanel(page);
    await useServer(root, server.baseURL, 'k');
    await root.getByText('Provider:').click(); // fold the settings again
    await root.getByLabel('Opening message').fill('I want my money back');
    await root.getByRole('button', { name: 'Start' }).click();
    const chat = root.getByRole('list', { name: 'Chat' });
    const refund = chat.getByRole('listitem', { name: 'Message from refund_agent' });
    // Part of the text is there while the reply still streams…
    await expect(refund).toContainText('Hello from the');
    await expect(refund).toHaveAttribute('aria-busy', 'true');
    await expect(refund).not.toContainText('chat panel.');
    await refund.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/run-panel-streaming.png' });
    // …then all of it, and the run waits for the user.
    await expect(refund).toContainText('arrive in the chat panel.');
    await expect(refund).toHaveAttribute('aria-busy', 'false');
    await expect(root.getByRole('form', { name: 'Reply to refund_agent' })).toBeVisible();
    await expect(refund.locator('strong')).toHaveText('test server');
    await expect(refund).toContainText('<img src=x onerror="window.__xss=1">');
    await expect(chat.locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await expect(
      chat.getByRole('separator', { name: 'Handoff from triage_agent to refund_agent' }),
    ).toContainText('money back');
    const past = root.getByRole('region', { name: 'Past runs' });
    await expect(past.getByRole('listitem').first()).toContainText('openai');
    // The page sent the chat requests itself (streamed, with the configured model).
    const bodies = server.chatBodies();
    expect(bodies).toHaveLength(2);
    expect(bodies.every((b) => b.stream === true && b.model === 'gpt-test')).toBe(true);
  } finally {
    await server.close();
  }
});
