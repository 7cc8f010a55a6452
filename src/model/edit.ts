/**
 * Pure document operations for the designer (no React, no store): each takes a document and
 * returns a new one sharing every unchanged part, the same object when nothing changed, or throws
 * an `EditError` when the change is refused. The store (`src/store`) is their only caller in the
 * app; it records each change as one undo step.
 */
export * from './editCommon';
export * from './editAgents';
export * from './editHandoffs';
export * from './editTools';
export * from './editSettings';
export * from './editFragment';
export * from './editTemplates';
export * from './editTests';
