import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { App } from '../../app/createApp';
import { useDesigner } from '../../store/hooks';
import { EXAMPLES } from '../examples';
import { downloadText, fileNameFor, workflowFileText } from '../files/download';
import { FileLayer } from '../files/FileLayer';
import { startCodeImport, startImport } from '../files/filesStore';
import { useAnchoredPosition } from '../shell/useAnchoredPosition';
import { LibraryDialog } from './LibraryDialog';
import { useLibrary, type SaveStatus } from './libraryStore';
import { UndoToast } from './UndoToast';
import { formatWhen } from './when';
import './library.css';
import { useApp } from '../../app/appContext';

/** The save status in words; while another tab's save is unresolved this tab saves nothing. */
function statusText(save: SaveStatus, held: boolean): string {
  if (held && save.state !== 'unavailable') return 'Not saving (another tab changed this workflow)';
  switch (save.state) {
    case 'saved':
      return save.at ? 'Saved' : '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'error':
    case 'unavailable':
      return 'Not saved';
  }
}

async function newFromExample(app: App, file: string): Promise<void> {
  const example = await app.session.fetchExample(file);
  if (example.ok) await app.session.openAsNew(example.doc);
  else app.say(`The example could not be opened: ${example.problems[0]?.message ?? ''}`, 'error');
}

function downloadJson(app: App): void {
  const doc = app.designer.getState().doc;
  const name = fileNameFor(doc.name, 'json');
  downloadText(name, workflowFileText(doc));
  app.say(`Downloaded ${name}.`);
}

/**
 * The toolbar's workflow menu: the open workflow's name and whether it is saved; the menu
 * opens the library, starts new workflows, imports and exports. Also mounts the library and
 * file dialogs, the drop overlay and the undo toast.
 */
export function LibraryButton() {
  const app = useApp();
  const name = useDesigner((s) => s.doc.name);
  const save = useLibrary((s) => s.save);
  const held = useLibrary((s) => s.conflict !== undefined);
  const dialogOpen = useLibrary((s) => s.dialogOpen);
  const [menu, setMenu] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const position = useAnchoredPosition(button, list, menu);
  const failed = save.state === 'error' || save.state === 'unavailable' || held;

  useEffect(() => {
    if (!menu) return;
    list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!root.current?.contains(target) && !list.current?.contains(target)) setMenu(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [menu]);

  const run = (action: () => unknown) => () => {
    setMenu(false);
    void action();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    e.stopPropagation();
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      setMenu(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    }
  };

  return (
    <div className="workflow-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="library-button"
        aria-haspopup="menu"
        aria-expanded={menu}
        onClick={() => setMenu(!menu)}
        title="Workflows: open, new, import, export"
        aria-label={`Workflow menu (open: ${name})`}
      >
        <span className="library-button__name">{name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <span
        className={`save-state ${failed ? 'save-state--error' : ''}`}
        role="status"
        title={
          !held && save.state === 'saved' && save.at ? `Saved ${formatWhen(save.at)}` : undefined
        }
      >
        {statusText(save, held)}
      </span>
      {/* In <body>, above everything: the toolbar scrolls sideways and would clip it. */}
      {menu &&
        createPortal(
          <div
            ref={list}
            className="menu"
            role="menu"
            aria-label="Workflow"
            style={position}
            onKeyDown={onMenuKey}
          >
            <button
              type="button"
              role="menuitem"
              onClick={run(() => app.library.getState().set({ dialogOpen: true }))}
            >
              Open a workflow…
            </button>
            <button
              type="button"
              role="menuitem"
              onClick={run(() => app.session.newBlankWorkflow())}
            >
              New blank workflow
            </button>
            <div className="menu__label" role="presentation">
              New from an example
            </div>
            {EXAMPLES.map((e) => (
              <button
                key={e.file}
                type="button"
                role="menuitem"
                className="menu__indented"
                onClick={run(() => newFromExample(app, e.file))}
              >
                {e.title}
              </button>
            ))}
            <div className="menu__separator" role="separator" />
            <button type="button" role="menuitem" onClick={run(() => startImport(app.files))}>
              Import…
            </button>
            <button type="button" role="menuitem" onClick={run(() => startCodeImport(app.files))}>
              Import code…
            </button>
            <button
              type="button"
              role="menuitem"
              onClick={run(() => app.files.getState().set({ exportOpen: true }))}
            >
              Export (JSON, Mermaid, Python, .NET)…
            </button>
            <button type="button" role="menuitem" onClick={run(() => downloadJson(app))}>
              Download JSON
            </button>
          </div>,
          document.body,
        )}
      {dialogOpen && <LibraryDialog />}
      <FileLayer />
      <UndoToast />
    </div>
  );
}
