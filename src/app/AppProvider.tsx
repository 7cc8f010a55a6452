import type { ReactNode } from 'react';
import { DesignerStoreContext } from '../store/hooks';
import { AppContext } from './appContext';
import type { App } from './createApp';

/** Hands the app (and its designer store) to every component below. */
export function AppProvider({ app, children }: { app: App; children: ReactNode }) {
  return (
    <AppContext.Provider value={app}>
      <DesignerStoreContext.Provider value={app.designer}>{children}</DesignerStoreContext.Provider>
    </AppContext.Provider>
  );
}
