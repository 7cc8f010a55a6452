// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Layers (ARCHITECTURE.md): the document model and the engine are pure TypeScript. */
const nodeBuiltins = ['fs', 'path', 'child_process', 'http', 'os', 'crypto'].map((name) => ({
  name,
  message: 'src/model and src/engine run in the browser too: no Node built-ins.',
}));
const pureLayerImports = {
  paths: nodeBuiltins,
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'dexie', 'dexie-*'],
      message: 'src/model and src/engine are pure TypeScript: no React, React Flow or dexie.',
    },
    {
      group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*', 'elkjs', 'elkjs/*'],
      message: 'src/model and src/engine are pure TypeScript: no Monaco or layout code.',
    },
    {
      group: ['node:*'],
      message: 'src/model and src/engine run in the browser too: no Node built-ins.',
    },
    {
      group: ['**/ui/**', '**/store/**', '**/storage/**', '**/providers/**'],
      message: 'Dependencies point one way: ui -> store -> engine/providers/storage -> model.',
    },
  ],
};
/** The app's services (runs, the library): no React, no view code; only the app builds them. */
const serviceLayerImports = {
  paths: [
    ...nodeBuiltins.map((p) => ({
      ...p,
      message: 'src/runs and src/library run in the browser: no Node built-ins.',
    })),
    { name: 'zustand', message: "React bindings: services use 'zustand/vanilla'." },
    { name: 'zustand/traditional', message: "React bindings: services use 'zustand/vanilla'." },
  ],
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand/react*'],
      message: 'src/runs and src/library are services without React: components live in src/ui.',
    },
    {
      group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*', 'elkjs', 'elkjs/*', 'node:*'],
      message: 'src/runs and src/library hold no view code and run in the browser.',
    },
    {
      group: ['**/ui/**', '**/ui', '**/app/**', '**/app', '**/store/hooks'],
      message:
        'Dependencies point one way: ui -> app -> runs/library -> store/engine/storage -> model.',
    },
  ],
};
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'location'].map(
  (name) => ({ name, message: 'src/model and src/engine must not touch the DOM.' }),
);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'playwright-report',
      'test-results',
      '.venv',
      '.tmp',
      'public',
      // Generated exports, type-checked on their own (test/unit/exportAgentsTsCompile.test.ts).
      'test/fixtures/golden',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins,
          patterns: [
            ...pureLayerImports.patterns,
            { group: ['**/engine/**', '../engine'], message: 'src/model imports nothing but zod.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['src/runs/**/*.ts', 'src/library/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', serviceLayerImports] },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', pureLayerImports],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
);
