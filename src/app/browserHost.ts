/** The browser page as the library's host, and the app options of the browser. */
import type { LibraryHost } from '../library';
import { openTabChannel } from '../library';
import { storagePrefs } from '../store/prefs';
import type { AppOptions } from './createApp';

/** The URL of an example shipped in public/examples. */
export const exampleUrl = (file: string): string => `${import.meta.env.BASE_URL}examples/${file}`;

/** The library's host in a browser tab. */
export function browserHost(): LibraryHost {
  return {
    async exampleText(file) {
      const response = await fetch(exampleUrl(file));
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      return response.text();
    },
    requestedExample: () => new URLSearchParams(window.location.search).get('example'),
    confirm: (message) => window.confirm(message),
    onLeave(flush, mustAsk) {
      window.addEventListener('pagehide', flush);
      window.addEventListener('beforeunload', (event) => {
        flush();
        if (mustAsk()) event.preventDefault();
      });
    },
  };
}

/** The options of the app in this browser tab. */
export function browserAppOptions(): AppOptions {
  return {
    host: browserHost(),
    channel: openTabChannel(),
    prefs: storagePrefs(() => localStorage),
    windowWidth: window.innerWidth,
  };
}
