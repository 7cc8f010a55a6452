/** Page object for the JSON view (Monaco beside the canvas). */
import { expect, type Locator, type Page } from '@playwright/test';

export class JsonViewPage {
  readonly pane: Locator;
  readonly editor: Locator;
  readonly lines: Locator;
  readonly problems: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.pane = page.getByRole('region', { name: 'JSON view' });
    this.editor = this.pane.locator('.monaco-editor');
    this.lines = this.pane.locator('.view-lines');
    this.problems = this.pane.getByRole('alert', { name: 'JSON problems' });
    this.status = this.pane.locator('.json-status');
  }

  /** Opens the JSON view (toolbar's JSON toggle) in a layout, and waits for Monaco. */
  async show(layout: 'Split' | 'Full width' = 'Split'): Promise<void> {
    if (!(await this.pane.isVisible())) {
      await this.page.getByRole('button', { name: '{ } JSON' }).click();
    }
    await this.pane
      .getByRole('group', { name: 'JSON view layout' })
      .getByRole('button', { name: layout })
      .click();
    await expect(this.lines).toBeVisible({ timeout: 15_000 });
    await expect(this.status).toContainText('same document as the canvas');
  }

  /** A rendered line of the editor that contains `text`. */
  line(text: string | RegExp): Locator {
    return this.lines.locator('.view-line').filter({ hasText: text });
  }

  /** Double-clicks a token (a word) on the line containing `lineText`, selecting it. */
  async selectWord(lineText: string, word: string): Promise<void> {
    const line = this.line(lineText).first();
    await expect(line).toBeVisible();
    const token = line.locator('span > span').filter({ hasText: word }).first();
    // Monaco draws a line's tokens after the line itself (tokenization is asynchronous).
    // Monaco may redraw the line (new token elements) between two reads: read the box and the
    // text together, again until both come from one drawing.
    let box: { x: number; y: number; width: number; height: number } | null = null;
    let text = '';
    await expect(async () => {
      box = await token.boundingBox({ timeout: 1000 });
      text = (await token.textContent({ timeout: 1000 })) ?? '';
      expect(box, `"${word}" is visible`).not.toBeNull();
      expect(text).toContain(word);
    }).toPass({ timeout: 10_000 });
    if (!box) throw new Error(`"${word}" is not visible`);
    const { x: left, y: top, width, height } = box;
    // Words are double-clicked at their own place: find it inside the token's text.
    const at = text.indexOf(word) + word.length / 2;
    const x = left + (width * at) / Math.max(1, text.length);
    await this.page.mouse.dblclick(x, top + height / 2);
  }
}
