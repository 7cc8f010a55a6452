/**
 * The view state that used to live in module variables of src/ui, now held by each app: the
 * paste offset, the canvas pointer, the import counter, the panes' widths and the prefs they
 * are kept in, and the examples read once per app.
 */
import { describe, expect, it, vi } from 'vitest';
import { startImport } from '../../src/store/filesState';
import { memoryPrefs } from '../../src/store/prefs';
import { buildApp, testHost } from '../support/appHarness';

describe('view state per app', () => {
  it('pastes at the pointer, then 40 px further each time, and starts over after a copy', () => {
    const { paste } = buildApp();
    const corner = { x: 100, y: 50 };
    expect(paste.next(corner, { x: 300, y: 300 })).toEqual({ x: 200, y: 250 });
    expect(paste.next(corner, { x: 300, y: 300 })).toEqual({ x: 240, y: 290 });
    expect(paste.next(corner, { x: 10, y: 10 })).toEqual({ x: -90, y: -40 });
    // Without a pointer: next to the originals, 40 px further each time, until a new copy.
    expect(paste.next(corner)).toEqual({ x: 40, y: 40 });
    expect(paste.next(corner)).toEqual({ x: 80, y: 80 });
    paste.copied();
    expect(paste.next(corner)).toEqual({ x: 40, y: 40 });
    // Another app has its own offset.
    expect(buildApp().paste.next(corner)).toEqual({ x: 40, y: 40 });
  });

  it('keeps the canvas pointer as screen coordinates with its converter', () => {
    const { pointer } = buildApp();
    expect(pointer.position()).toBeUndefined();
    pointer.set({ x: 10, y: 20 }, (p) => ({ x: p.x * 2, y: p.y * 2 }));
    expect(pointer.position()).toEqual({ x: 20, y: 40 });
    pointer.set(undefined, (p) => p);
    expect(pointer.position()).toBeUndefined();
  });

  it('gives every import its own key, counted per app', () => {
    const one = buildApp();
    startImport(one.files, 'a');
    startImport(one.files, 'b');
    expect(one.files.getState().importing).toMatchObject({ text: 'b', key: 2 });
    const two = buildApp();
    startImport(two.files, 'c');
    expect(two.files.getState().importing).toMatchObject({ text: 'c', key: 1 });
  });

  it('reads the panes, theme and view from prefs and keeps every change there', () => {
    const prefs = memoryPrefs({
      'handoff-studio.panes': JSON.stringify({ sidebar: 5000, run: 300 }),
      'handoff-studio.theme': 'dark',
      'handoff-studio.view': 'split',
    });
    const app = buildApp({ prefs, windowWidth: 1920 });
    expect(app.panes.getState().widths).toEqual({ sidebar: 640, run: 300 });
    expect(app.ui.getState().theme).toBe('dark');
    expect(app.viewMode.getState().mode).toBe('split');
    app.panes.getState().resize('run', 100);
    app.ui.getState().set({ theme: 'light', snapToGrid: false });
    app.runUi.getState().set({ open: true });
    expect(JSON.parse(prefs.get('handoff-studio.panes')!)).toEqual({ sidebar: 640, run: 280 });
    expect(prefs.get('handoff-studio.theme')).toBe('light');
    expect(prefs.get('handoff-studio.snap')).toBe('off');
    expect(prefs.get('handoff-studio.runPanel')).toBe('open');
    // Nothing stored: the panes take a share of the window.
    expect(buildApp({ windowWidth: 1280 }).panes.getState().widths).toEqual({
      sidebar: 307,
      run: 346,
    });
  });

  it('reads each example once per app', async () => {
    const host = testHost();
    const read = vi.spyOn(host, 'exampleText');
    const app = buildApp({ host });
    const first = await app.session.fetchExample('homework_tutors.json');
    const again = await app.session.fetchExample('homework_tutors.json');
    expect(first.ok && again.ok && again.doc === first.doc).toBe(true);
    expect(read).toHaveBeenCalledTimes(1);
    expect([...app.session.knownExamples().keys()]).toEqual(['homework_tutors.json']);
    const missing = await app.session.fetchExample('nope.json');
    expect(missing.ok).toBe(false);
  });
});
