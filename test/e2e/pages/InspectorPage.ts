/** Page object for the inspector side panel and the Problems panel. */
import type { Locator, Page } from '@playwright/test';

export class InspectorPage {
  readonly root: Locator;
  readonly problems: Locator;
  readonly toolPreview: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Inspector' });
    this.problems = page.getByRole('region', { name: 'Problems' });
    this.toolPreview = page.getByRole('region', { name: 'Tool preview' });
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  section(name: string | RegExp): Locator {
    return this.root.getByRole('region', { name });
  }

  problem(text: string | RegExp): Locator {
    return this.problems.getByRole('button').filter({ hasText: text });
  }
}
