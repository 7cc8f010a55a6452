/** Page object for the designer's canvas (after tldraw's e2e fixtures): what a person does on it. */
import { expect, type Locator, type Page } from '@playwright/test';

export class CanvasPage {
  readonly pane: Locator;
  readonly nodes: Locator;
  readonly edges: Locator;

  constructor(readonly page: Page) {
    this.pane = page.locator('.react-flow__pane');
    this.nodes = page.locator('.react-flow__node');
    this.edges = page.locator('.react-flow__edge');
  }

  /** Opens the app on an example (`/?example=<file>`) and waits for the canvas. */
  async open(example = 'customer_support.json'): Promise<void> {
    await this.page.goto(`/?example=${example}`);
    await expect(this.nodes.first()).toBeVisible();
  }

  /** The node of the agent called `name` (node ids are opaque view ids, not names). */
  node(name: string): Locator {
    return this.page.locator(`.react-flow__node:has(> .agent-node[data-agent="${name}"])`);
  }

  edgeLabel(text: string | RegExp): Locator {
    return this.page.locator('.edge-label').filter({ hasText: text });
  }

  async box(locator: Locator) {
    const box = await locator.boundingBox();
    if (!box) throw new Error('element is not visible');
    return box;
  }

  /** Drags a palette template onto the canvas at a point relative to the pane's top-left. */
  async dragFromPalette(title: string, x: number, y: number): Promise<void> {
    const pane = await this.box(this.pane);
    await this.page
      .getByRole('button', { name: `Add ${title}` })
      .dragTo(this.pane, { targetPosition: { x, y } });
    expect(pane.width).toBeGreaterThan(0);
  }

  /** The box once it has stopped moving (new nodes are measured and placed over a few frames). */
  async stableBox(locator: Locator) {
    let last = await this.box(locator);
    for (let i = 0; i < 50; i++) {
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      const next = await this.box(locator);
      if (next.x === last.x && next.y === last.y) return next;
      last = next;
    }
    return last;
  }

  /** Drags from the source node's right handle to the target node's left handle, like a person. */
  async connect(source: string, target: string): Promise<void> {
    const from = await this.stableBox(this.node(source).locator('.react-flow__handle.source'));
    const to = await this.stableBox(this.node(target).locator('.react-flow__handle.target'));
    const mouse = this.page.mouse;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await mouse.up();
  }

  /** Drags a node by its description by (dx, dy) screen pixels. */
  async dragNode(name: string, dx: number, dy: number): Promise<void> {
    const box = await this.box(this.node(name).locator('.agent-node__description'));
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 15 });
    await this.page.mouse.up();
  }

  /** The node's on-screen top-left corner. */
  async position(name: string): Promise<{ x: number; y: number }> {
    const box = await this.box(this.node(name));
    return { x: Math.round(box.x), y: Math.round(box.y) };
  }

  /** Where `name` is drawn relative to `reference` (stable when the view pans). */
  async offset(name: string, reference: string): Promise<{ x: number; y: number }> {
    const a = await this.position(name);
    const b = await this.position(reference);
    return { x: a.x - b.x, y: a.y - b.y };
  }

  async select(name: string, options: { shift?: boolean } = {}): Promise<void> {
    await this.node(name)
      .locator('.agent-node__description')
      .click({ modifiers: options.shift ? ['Shift'] : [] });
  }

  /** Renames in place: double-click the name, type, Enter. */
  async rename(from: string, to: string): Promise<void> {
    await this.node(from).locator('.agent-node__name').dblclick();
    const input = this.page.getByLabel(`New name for ${from}`);
    await input.fill(to);
    await input.press('Enter');
  }

  async names(): Promise<string[]> {
    return (
      await this.nodes.evaluateAll((els) =>
        els.map((e) => e.querySelector('.agent-node')?.getAttribute('data-agent') ?? ''),
      )
    ).sort();
  }

  /** Presses a shortcut with Ctrl (the tests run on Linux). */
  async shortcut(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }
}
