/**
 * The JSON view: Monaco on the open document (loaded lazily with this module). Diagnostics
 * come from the document's JSON Schema; valid edits reach the canvas as one undo step after a
 * pause; the bar below says whether the text is applied and lists every problem with its path.
 */
import { Editor, type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { DEFAULT_SCHEMA_URL, workflowJsonSchema } from '../../model';
import { appSchemaUrl } from '../files/download';
import { useDesignerStore } from '../../store/hooks';
import { JsonStatusBar } from './JsonStatusBar';
import { locatePath } from './jsonLocate';
import { JsonSync, type JsonSyncState } from './jsonSync';
import { registerJsonSchema } from './monacoSetup';

/** The editor's model URI: the JSON language validates this model with the workflow schema. */
export const WORKFLOW_MODEL_URI = 'inmemory://handoff-studio/workflows/workflow.json';
/**
 * Where the examples' `"$schema": "../schema/workflow.v1.json"` points from the model URI: a
 * document naming its schema is validated with that one, so ours must be found there.
 */
const SCHEMA_URI = 'inmemory://handoff-studio/schema/workflow.v1.json';

registerJsonSchema(SCHEMA_URI, WORKFLOW_MODEL_URI, workflowJsonSchema());
// Downloaded and exported files name the schema by its absolute URL (see docs/format.md): the
// editor knows it under those names too, without fetching. Their file pattern is their own
// URL, which matches no model, so a document without `$schema` is not checked twice.
for (const url of new Set([appSchemaUrl(), DEFAULT_SCHEMA_URL])) {
  registerJsonSchema(url, url, workflowJsonSchema());
}

const themeOf = () => (document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'light');
function subscribeTheme(callback: () => void): () => void {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export default function JsonEditor() {
  const store = useDesignerStore();
  const theme = useSyncExternalStore(subscribeTheme, themeOf);
  const sync = useRef<JsonSync | undefined>(undefined);
  const editorRef = useRef<Parameters<OnMount>[0] | undefined>(undefined);
  const [state, setState] = useState<JsonSyncState>({
    problems: [],
    pending: false,
    diverged: false,
  });

  useEffect(() => () => sync.current?.dispose(), []);

  const onMount = useCallback<OnMount>(
    (editor) => {
      const model = editor.getModel();
      if (!model) return;
      editorRef.current = editor;
      sync.current?.dispose();
      sync.current = new JsonSync(store, model, editor, setState);
      editor.onDidBlurEditorText(() => sync.current?.flush());
    },
    [store],
  );

  const reveal = useCallback((path: string) => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const range = locatePath(model.getValue(), path);
    if (!range) return;
    const start = model.getPositionAt(range.start);
    const end = model.getPositionAt(range.end);
    const selection = {
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
    editor.setSelection(selection);
    editor.revealRangeInCenterIfOutsideViewport(selection);
    editor.focus();
  }, []);

  return (
    <div className="json-editor">
      {/* `nokey`: React Flow's key handling (Space pans) skips it; Monaco's focus is a div. */}
      <div className="json-editor__monaco nokey">
        <Editor
          path={WORKFLOW_MODEL_URI}
          defaultLanguage="json"
          theme={theme}
          onMount={onMount}
          loading={<p className="json-pane__loading">Loading the JSON editor…</p>}
          options={{
            automaticLayout: true,
            minimap: { enabled: false },
            fontSize: 13,
            tabSize: 2,
            scrollBeyondLastLine: false,
            fixedOverflowWidgets: true,
            wordWrap: 'on',
            ariaLabel: 'Workflow JSON',
          }}
        />
      </div>
      <JsonStatusBar
        state={state}
        onReveal={reveal}
        onRevert={() => sync.current?.revert()}
        onApply={() => sync.current?.flush()}
      />
    </div>
  );
}
