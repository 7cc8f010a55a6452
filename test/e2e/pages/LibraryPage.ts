/** Page object for the workflow menu, the library dialog and the file dialogs. */
import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  readonly menuButton: Locator;
  readonly saveState: Locator;
  readonly dialog: Locator;
  readonly list: Locator;
  readonly toast: Locator;
  readonly banner: Locator;

  constructor(readonly page: Page) {
    this.menuButton = page.getByRole('button', { name: /^Workflow menu/ });
    this.saveState = page.locator('.save-state');
    this.dialog = page.getByRole('dialog', { name: 'Workflows' });
    this.list = this.dialog.getByRole('list', { name: 'Saved workflows' });
    this.toast = page.locator('.toast');
    this.banner = page.locator('.storage-banner');
  }

  /** Opens the workflow menu and chooses an item. */
  async menu(item: string | RegExp): Promise<void> {
    await this.menuButton.click();
    await this.page
      .getByRole('menu', { name: 'Workflow' })
      .getByRole('menuitem', { name: item })
      .click();
  }

  /** Opens the library dialog. */
  async open(): Promise<void> {
    await this.menu('Open a workflow…');
    await expect(this.dialog).toBeVisible();
  }

  item(name: string): Locator {
    return this.list.getByRole('listitem', { name: `Workflow ${name}`, exact: true });
  }

  /** The names in the library list, in order (most recent first). */
  async names(): Promise<string[]> {
    return this.list
      .locator('.wf-item__open, .wf-item__rename')
      .evaluateAll((els) =>
        els.map((e) => (e instanceof HTMLInputElement ? e.value : (e.textContent ?? ''))),
      );
  }

  /** Waits until the open workflow is saved. */
  async saved(): Promise<void> {
    await expect(this.saveState).toHaveText('Saved');
  }

  /** The name of the open workflow, as the workflow menu shows it. */
  openName(): Locator {
    return this.menuButton.locator('.library-button__name');
  }
}
