import { useEffect, useSyncExternalStore } from 'react';
import { useUi } from '../uiStore';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');
const subscribe = (callback: () => void) => {
  const media = query();
  media.addEventListener('change', callback);
  return () => media.removeEventListener('change', callback);
};

/** The theme in effect: the user's choice, or the system's when the choice is "system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const choice = useUi((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, () => query().matches);
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** Puts the theme in effect on `<html data-theme>` (the stylesheet's variables follow it). */
export function useApplyTheme(): void {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
