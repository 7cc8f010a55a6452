import { lazy, Suspense, useEffect } from 'react';
import { ImportDialog } from './ImportDialog';
import { startImport, useFiles } from './filesStore';
import { useFileDrop } from './useFileDrop';
import { useApp } from '../../app/appContext';

// The code importer (tree-sitter and its grammars) loads when its dialog first opens.
const ImportCodeDialog = lazy(() =>
  import('./ImportCodeDialog').then((m) => ({ default: m.ImportCodeDialog })),
);
// The exporters (Python, .NET, Mermaid) load when the dialog first opens.
const ExportDialog = lazy(() =>
  import('./ExportDialog').then((m) => ({ default: m.ExportDialog })),
);

/** Looks like a whole workflow document (not a canvas fragment or plain text). */
const looksLikeWorkflow = (text: string) =>
  /^\s*\{/.test(text) && text.includes('"handoff-workflow"');

/**
 * The import and export dialogs (opened from the workflow menu) and the drop-a-file overlay.
 * A workflow pasted on the canvas that the canvas cannot paste as agents (it has problems)
 * opens the import dialog, which says why.
 */
export function FileLayer() {
  const app = useApp();
  const importing = useFiles((s) => s.importing);
  const codeImport = useFiles((s) => s.codeImport);
  const exportOpen = useFiles((s) => s.exportOpen);
  const dragging = useFileDrop();

  useEffect(() => {
    // On window, so the canvas's own paste handling (on document) runs first.
    const paste = (e: ClipboardEvent) => {
      if (e.defaultPrevented) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA'].includes(el.tagName))) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!looksLikeWorkflow(text)) return;
      e.preventDefault();
      startImport(app.files, text, 'the clipboard');
    };
    window.addEventListener('paste', paste);
    return () => window.removeEventListener('paste', paste);
  }, [app]);

  return (
    <>
      {importing && <ImportDialog key={importing.key} source={importing} />}
      {codeImport && (
        <Suspense fallback={null}>
          <ImportCodeDialog key={codeImport.key} source={codeImport} />
        </Suspense>
      )}
      {exportOpen && (
        <Suspense fallback={null}>
          <ExportDialog />
        </Suspense>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a workflow .json file to import it</p>
        </div>
      )}
    </>
  );
}
