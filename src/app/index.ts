/**
 * The composition root: `createApp` builds everything once, `<AppProvider>` hands it to React,
 * `useApp()` reads it (and throws without a provider).
 */
export { createApp, type App, type AppOptions } from './createApp';
export { useApp } from './appContext';
export { AppProvider } from './AppProvider';
