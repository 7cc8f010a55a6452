/**
 * Drops a file on the canvas as the browser does when a file is dragged in from outside
 * (dragenter, dragover, drop with a DataTransfer holding the file).
 */
import type { Page } from '@playwright/test';

export interface DropOptions {
  /** The file's MIME type, as the operating system would give it. */
  type?: string;
  /** Runs after dragover and before drop: what the page shows while a file is held over it. */
  whileOver?: () => Promise<void>;
}

export async function dropFile(
  page: Page,
  name: string,
  text: string,
  { type = 'application/json', whileOver }: DropOptions = {},
): Promise<void> {
  const data = await page.evaluateHandle(
    ([fileName, content, mime]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content!], fileName!, { type: mime! }));
      return transfer;
    },
    [name, text, type],
  );
  const pane = page.locator('.react-flow__pane');
  await pane.dispatchEvent('dragenter', { dataTransfer: data });
  await pane.dispatchEvent('dragover', { dataTransfer: data });
  await whileOver?.();
  await pane.dispatchEvent('drop', { dataTransfer: data });
}
