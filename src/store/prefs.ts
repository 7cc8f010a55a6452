/**
 * Choices kept between visits (theme, grid snapping, views, the Run panel): a small key/value
 * port, the browser's `localStorage` in the app (`storagePrefs`), nothing in Node tests
 * (`memoryPrefs`).
 */
export interface Prefs {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Prefs in a Web Storage; a private window may refuse it, then a choice lasts for the page. */
export function storagePrefs(storage: () => Storage): Prefs {
  return {
    get: (key) => {
      try {
        return storage().getItem(key);
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        storage().setItem(key, value);
      } catch {
        // Private windows may refuse storage; the choice then lasts for this page only.
      }
    },
  };
}

/** Prefs held in memory (tests, and wherever there is no storage). */
export function memoryPrefs(initial: Record<string, string> = {}): Prefs {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
  };
}
