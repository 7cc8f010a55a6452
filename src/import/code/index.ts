/** Importing framework code as a workflow (docs/spec/import-code.md). */
export { importCode, type CodeImportOptions } from './importCode';
export { CodeParser, type GrammarLoader, type GrammarName } from './parser';
export * from './types';
