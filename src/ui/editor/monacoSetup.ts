/**
 * Monaco, bundled locally (never from a CDN): the editor core, its editor features and the JSON
 * language only, with their workers built by Vite. Import this module lazily (`import()`), so
 * that Monaco stays out of the initial bundle and the canvas never waits for it.
 *
 * `registerJsonSchema` lets every Monaco JSON editor of the app (the JSON view, a tool's
 * parameter schema) add its schema: the JSON language holds one list of schemas for all models.
 */
import { loader } from '@monaco-editor/react';
import 'monaco-editor/features/register.all';
import * as monaco from 'monaco-editor/editor';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

export type MonacoApi = typeof monaco;

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};
// @monaco-editor/react would fetch Monaco from a CDN: hand it this bundle instead.
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });

/**
 * Validates the models whose URI is `modelUri` (an editor's `path`) against `schema`: syntax
 * and schema problems become markers, and hovering a field shows its description. Monaco's JSON
 * language holds the list of schemas (one per `uri`); this replaces or adds one entry of it.
 */
export function registerJsonSchema(uri: string, modelUri: string, schema: unknown): void {
  const others = (jsonDefaults.diagnosticsOptions.schemas ?? []).filter((s) => s.uri !== uri);
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    trailingCommas: 'error',
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [...others, { uri, fileMatch: [modelUri], schema }],
  });
}

export { monaco };
