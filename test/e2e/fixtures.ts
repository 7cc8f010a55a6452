/**
 * Shared Playwright fixtures: every test fails on an unexpected console error or page error, and
 * gets page objects for the canvas and the inspector.
 */
import { test as base, expect } from '@playwright/test';
import { CanvasPage } from './pages/CanvasPage';
import { InspectorPage } from './pages/InspectorPage';

export const test = base.extend<{
  consoleErrors: string[];
  canvas: CanvasPage;
  inspector: InspectorPage;
}>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  canvas: async ({ page }, use) => use(new CanvasPage(page)),
  inspector: async ({ page }, use) => use(new InspectorPage(page)),
});

export { expect };
