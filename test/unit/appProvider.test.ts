/**
 * The app reaches React through one provider: the hooks read what `<AppProvider>` holds, and
 * throw without it instead of falling back to state nobody else sees (rendered with
 * react-dom/server, in Node).
 */
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppProvider, useApp } from '../../src/app';
import { useDesigner } from '../../src/store/hooks';
import { memoryPrefs } from '../../src/store/prefs';
import { useUi } from '../../src/ui/uiStore';
import { useLibrary } from '../../src/ui/library/libraryStore';
import { buildApp } from '../support/appHarness';

function Probe() {
  const name = useDesigner((s) => s.doc.name);
  const snap = useUi((s) => s.snapToGrid);
  const open = useLibrary((s) => s.dialogOpen);
  const app = useApp();
  return createElement('p', null, `${name}|${snap}|${open}|${app.runs.getView().live}`);
}

const render = (node: ReactNode) => renderToString(node);

describe('AppProvider', () => {
  it('hands the app built by createApp to the hooks', () => {
    // Rendered on the "server", zustand shows each store's initial state: the app's prefs set it.
    const app = buildApp({ prefs: memoryPrefs({ 'handoff-studio.snap': 'off' }) });
    const html = render(createElement(AppProvider, { app, children: createElement(Probe) }));
    expect(html).toContain('untitled_workflow|false|false|false');
    const other = buildApp();
    expect(
      render(createElement(AppProvider, { app: other, children: createElement(Probe) })),
    ).toContain('untitled_workflow|true|false|false');
  });

  it('makes the designer hooks throw without a provider (no global store to fall back to)', () => {
    const Designer = () =>
      createElement(
        'p',
        null,
        useDesigner((s) => s.doc.name),
      );
    expect(() => render(createElement(Designer))).toThrow(/outside <AppProvider>/);
  });

  it('makes useApp and the view-state hooks throw without a provider', () => {
    const App = () => createElement('p', null, String(useApp().runs.getView().live));
    const Ui = () => createElement('p', null, String(useUi((s) => s.snapToGrid)));
    expect(() => render(createElement(App))).toThrow(/outside <AppProvider/);
    expect(() => render(createElement(Ui))).toThrow(/outside <AppProvider/);
  });
});
