/**
 * The bridge for the modules that read the open run outside React (src/app/installed.ts): it
 * forwards to the installed app only, and says so clearly when none is installed.
 */
import { describe, expect, it } from 'vitest';
import {
  appRunController,
  designerStore,
  installApp,
  installedApp,
  libraryStore,
  runUiStore,
} from '../../src/app/installed';
import { buildApp } from '../support/appHarness';

describe('the installed app', () => {
  it('throws a clear error until an app is installed', () => {
    expect(() => installedApp()).toThrow(/No app is installed/);
    expect(() => designerStore.getState()).toThrow(/No app is installed/);
  });

  it('forwards to the installed app, and to the next one once it is replaced', async () => {
    const one = buildApp();
    const two = buildApp();
    const uninstall = installApp(one);
    try {
      expect(appRunController()).toBe(one.runs);
      runUiStore.getState().set({ cursor: 3 });
      expect(one.runUi.getState().cursor).toBe(3);
      let heard = 0;
      const off = libraryStore.subscribe(() => heard++);
      one.library.getState().set({ dialogOpen: true });
      off();
      expect(heard).toBe(1);
      installApp(two);
      expect(designerStore.getState()).toBe(two.designer.getState());
      expect(two.runUi.getState().cursor).toBeNull();
    } finally {
      uninstall();
      installApp(two)();
    }
    expect(() => installedApp()).toThrow(/No app is installed/);
  });
});
