import { expect, test } from './fixtures';

const EXAMPLES = [
  ['customer_support.json', 4, 3],
  ['ecommerce_returns.json', 4],
  ['content_pipeline.json', 3],
  ['homework_tutors.json', 3],
] as const;

for (const [file, agents] of EXAMPLES) {
  test(`${file} opens from the URL, drawn and valid, with a minimap`, async ({ page, canvas }) => {
    await canvas.open(file);
    await expect(canvas.nodes).toHaveCount(agents);
    await expect(page.locator('.toolbar__status')).toContainText('valid');
    await expect(page.locator('.react-flow__minimap-node')).toHaveCount(agents);
  });
}
