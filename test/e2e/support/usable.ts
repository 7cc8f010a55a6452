/**
 * What a person can use: an element that is entirely inside the viewport and on top at its
 * centre and corners (not covered, not clipped by an ancestor). Every menu, popover and dialog a
 * test opens goes through `expectUsable` before the test clicks inside it.
 */
import { expect, type Locator } from '@playwright/test';

/** Asserts that `locator` is visible, fully inside the viewport and not covered by anything. */
export async function expectUsable(locator: Locator, what = 'element'): Promise<void> {
  await expect(locator, `${what} is visible`).toBeVisible();
  const page = locator.page();
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no viewport size');
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${what} has no box`);
  expect(box.x, `${what}: left edge in the viewport`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge in the viewport`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge in the viewport`).toBeLessThanOrEqual(
    viewport.width + 0.5,
  );
  expect(box.y + box.height, `${what}: bottom edge in the viewport`).toBeLessThanOrEqual(
    viewport.height + 0.5,
  );
  // On top: the element hit at the centre and near each corner belongs to it. Clipping by an
  // overflow ancestor also shows here: the hit element is then the ancestor's neighbour.
  const inset = 3;
  const points = [
    [box.x + box.width / 2, box.y + box.height / 2],
    [box.x + inset, box.y + inset],
    [box.x + box.width - inset, box.y + inset],
    [box.x + inset, box.y + box.height - inset],
    [box.x + box.width - inset, box.y + box.height - inset],
  ] as const;
  const covered = await locator.evaluate((el, pts) => {
    const misses: string[] = [];
    for (const [x, y] of pts) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(el === hit || el.contains(hit))) {
        misses.push(`(${Math.round(x)}, ${Math.round(y)}) hits ${hit ? describe(hit) : 'nothing'}`);
      }
    }
    return misses;
    function describe(n: Element): string {
      const cls =
        typeof n.className === 'string' && n.className ? `.${n.className.split(' ')[0]}` : '';
      return `${n.tagName.toLowerCase()}${cls}`;
    }
  }, points);
  expect(covered, `${what} is on top (nothing covers or clips it)`).toEqual([]);
}

/** Every item of a menu (or any list of controls) is usable. */
export async function expectAllUsable(items: Locator, what = 'item'): Promise<void> {
  const n = await items.count();
  expect(n, `${what}s exist`).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expectUsable(items.nth(i), `${what} ${i + 1} of ${n}`);
}
