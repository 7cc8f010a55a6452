/** The React context that carries the app; `<AppProvider>` fills it, `useApp()` reads it. */
import { createContext, useContext } from 'react';
import { HandoffStudioError } from '../engine/errors';
import type { App } from './createApp';

export const AppContext = createContext<App | undefined>(undefined);

/**
 * The app built by `createApp`, from the nearest `<AppProvider>`. Throws when there is none: a
 * component outside the provider would otherwise work on state nobody else sees.
 */
export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) {
    throw new HandoffStudioError(
      'internal_error',
      'useApp() was called outside <AppProvider app={…}>: build the app with createApp() and mount it with the provider (see src/main.tsx).',
    );
  }
  return app;
}
