import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { AppProvider, createApp } from './app';
import { browserAppOptions } from './app/browserHost';
import { App } from './ui/shell/App';

// The app is built once, here; components get it from <AppProvider>.
const app = createApp(browserAppOptions());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider app={app}>
      <App />
    </AppProvider>
  </StrictMode>,
);
