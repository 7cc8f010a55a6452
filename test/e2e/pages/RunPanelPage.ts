/** Page object for the Run panel, driven as a person does: real typing, visible controls. */
import { expect, type Locator, type Page } from '@playwright/test';
import { expectUsable } from '../support/usable';

export class RunPanelPage {
  readonly root: Locator;
  readonly chat: Locator;
  readonly title: Locator;
  readonly past: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Run panel' });
    this.chat = this.root.getByRole('list', { name: 'Chat' });
    this.title = this.root.locator('.run-panel__title');
    this.past = this.root.getByRole('region', { name: 'Past runs' });
  }

  /** Unfolds the panel (it remembers its state across reloads). */
  async unfold(): Promise<void> {
    const toggle = this.root.getByRole('button', { name: 'Run', exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(this.root.getByLabel('Opening message')).toBeVisible();
  }

  /** Types the opening message with the keyboard and presses Enter. */
  async start(message: string): Promise<void> {
    const box = this.root.getByLabel('Opening message');
    // The panel scrolls: a person scrolls to the field first.
    await box.scrollIntoViewIfNeeded();
    await expectUsable(box, 'opening message');
    await box.click();
    await this.page.keyboard.type(message);
    await this.page.keyboard.press('Enter');
  }

  /** Chooses a pace for simulated replies. */
  async pace(label: RegExp): Promise<void> {
    const summary = this.root.getByText('Provider:');
    await summary.click();
    const select = this.root.getByLabel('Streaming pace');
    const options = await select.locator('option').allTextContents();
    await select.selectOption({ label: options.find((o) => label.test(o))! });
    await summary.click();
  }

  approval(tool: string): Locator {
    return this.root.getByRole('region', { name: `Approve ${tool}` });
  }

  replyForm(): Locator {
    return this.root.getByRole('form', { name: /^Reply to / });
  }

  /** Types a reply with the keyboard and sends it with Enter. */
  async reply(text: string): Promise<void> {
    const box = this.replyForm().getByRole('textbox');
    await box.scrollIntoViewIfNeeded();
    await expectUsable(box, 'reply box');
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Clicks a button after checking a person can. */
  async press(button: Locator, what: string): Promise<void> {
    await button.scrollIntoViewIfNeeded();
    await expectUsable(button, what);
    await button.click();
  }

  /** The shown run's status chip. */
  state(): Locator {
    return this.root.locator('.run-header .run-state');
  }

  message(agent: string): Locator {
    return this.chat.getByRole('listitem', { name: `Message from ${agent}` });
  }
}
