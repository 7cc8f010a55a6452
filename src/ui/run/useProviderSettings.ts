import { useCallback, useEffect, useState } from 'react';
import {
  DEFAULT_PROVIDER_SETTINGS,
  loadProviderSettings,
  saveProviderSettings,
  type ProviderSettings,
} from '../../runs';
import { useApp } from '../../app/appContext';

/** The provider settings of this browser, loaded from IndexedDB and saved on every change. */
export function useProviderSettings(): {
  settings: ProviderSettings;
  loaded: boolean;
  update(next: ProviderSettings): void;
} {
  const { db } = useApp();
  const [settings, setSettings] = useState<ProviderSettings>(DEFAULT_PROVIDER_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let cancelled = false;
    loadProviderSettings(db.settings)
      .catch(() => DEFAULT_PROVIDER_SETTINGS)
      .then((s) => {
        if (cancelled) return;
        setSettings(s);
        setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
  }, [db]);
  const update = useCallback(
    (next: ProviderSettings) => {
      setSettings(next);
      // The key stays in this browser's IndexedDB; a failed save keeps it for this page only.
      void saveProviderSettings(db.settings, next).catch(() => undefined);
    },
    [db],
  );
  return { settings, loaded, update };
}
